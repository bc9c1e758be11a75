import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { DIVERGING, type CollabProvider } from './CollabProvider.ts';
import { useSaveStatus } from './useSharedDocument.ts';

interface Props {
  provider: CollabProvider;
  docId: string;
  /**
   * Given where the viewer may edit: after a diverging refusal, offers the saved version. The
   * refused edits are forgotten on this device first, or the next copy would reload them; then
   * `reopen` opens the document afresh.
   */
  reopen?: () => void;
}

/** A shared document's save error, if it has one. */
export function DocumentError({ provider, docId, reopen }: Props) {
  const { t } = useTranslation();
  const error = useSaveStatus(provider).errors.get(docId);
  if (!error) return null;
  return (
    <ErrorNotice error={error}>
      {reopen && DIVERGING.has(error.code) && (
        <button type="button" onClick={() => void provider.discardLocal(docId).then(reopen)}>
          {t('standard.showSaved')}
        </button>
      )}
    </ErrorNotice>
  );
}
