import { useTranslation } from 'react-i18next';
import { CharterExports } from '../../lifecycle/CharterExports.tsx';
import { RecordLinks } from '../../record/RecordLinks.tsx';

/** `/assembly/record`: the public record's pages and the charter's downloads. */
export function RecordSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="record-section-heading">
      <h2 id="record-section-heading">{t('member.record.heading')}</h2>
      <p className="hint">{t('member.record.intro')}</p>
      <RecordLinks reader={{ watchKey: null }} />
      <CharterExports />
    </section>
  );
}
