import { useTranslation } from 'react-i18next';

/** Marks a standard the current agenda item concerns: a word, not a colour alone. */
export function DiscussingBadge({ show }: { show: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <p className="tag tag-now" data-testid="discussing-now">
      {t('session.discussingNow')}
    </p>
  );
}
