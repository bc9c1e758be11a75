import { useTranslation } from 'react-i18next';

export function WatchersCount({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <p className="watchers" data-testid="watchers" data-count={count}>
      {t('watchers.count', { count })}
    </p>
  );
}
