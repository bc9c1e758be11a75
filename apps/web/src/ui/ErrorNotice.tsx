import type { ProtocolError } from '@moot/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestError } from '../api/http.ts';

export type ShownError = ProtocolError | RequestError;

/** The translated sentence for an error code; the server's message fills in details where useful. */
export function useErrorText(): (error: ShownError) => string {
  const { t } = useTranslation();
  return (error) => t(`errors.${error.code}`, { message: error.message });
}

/** An error the user should notice now: announced assertively, and kept until it is resolved. */
export function ErrorNotice({ error, children }: { error: ShownError; children?: ReactNode }) {
  const describe = useErrorText();
  return (
    <div className="notice notice-error" role="alert" data-error-code={error.code}>
      <p>{describe(error)}</p>
      {children}
    </div>
  );
}
