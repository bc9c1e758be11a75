import type { StandardView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';

/** A standard's consequence ladder, read-only, mildest first. */
export function LadderView({ standard }: { standard: StandardView }) {
  const { t } = useTranslation();
  return (
    <div className="ladder" data-testid="ladder">
      <h4>{t('lifecycle.ladderHeading')}</h4>
      {standard.ladder.length === 0 ? (
        <p className="empty">{t('lifecycle.ladderEmpty')}</p>
      ) : (
        <ol>
          {standard.ladder.map((step, index) => (
            <li key={index}>{step}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
