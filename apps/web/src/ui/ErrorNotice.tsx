import type { ProtocolError } from '@moot/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestError } from '../api/http.ts';

export type ShownError = ProtocolError | RequestError;

type Words = (key: string, params?: Record<string, unknown>) => string;
/** The part of an i18next instance the wording needs. */
export interface Wording {
  t: unknown;
  exists(key: string): boolean;
  /** The reader's language: the server's message is English, so another language words the code alone. */
  language?: string;
}

/**
 * The sentence for an error: its reason (a code with parameters, `reasons.<key>`) when the server
 * gave one this page has words for, else its code, the server's message filling in details where
 * useful. A `field` parameter is worded too (`errorFields.<field>`).
 */
export function wordError(error: ShownError, { t, exists, language = 'en' }: Wording): string {
  const words = t as Words;
  const reason = 'reason' in error ? error.reason : undefined;
  if (reason && exists(`reasons.${reason.key}`)) {
    const params: Record<string, unknown> = { ...reason.params };
    const field = params['field'];
    if (typeof field === 'string' && exists(`errorFields.${field}`)) params['field'] = words(`errorFields.${field}`);
    return words(`reasons.${reason.key}`, params);
  }
  if (language !== 'en' && exists(`words.bareErrors.${error.code}`)) return words(`words.bareErrors.${error.code}`);
  return words(`errors.${error.code}`, { message: error.message });
}

/** The translated sentence for an error, in the reader's language (`wordError`). */
export function useErrorText(): (error: ShownError) => string {
  const { t, i18n } = useTranslation();
  return (error) => wordError(error, { t, exists: (key) => i18n.exists(key), language: i18n.language });
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
