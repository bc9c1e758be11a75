import type { LeaderHearing } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { enWords } from '../../i18n/enWords.ts';
import { addEnglish } from '../../i18n/index.ts';
import { useNameWithRole } from '../../i18n/names.ts';
import { ItemCountdown, TurnCountdown } from '../session/Countdown.tsx';
import { useServerNow } from '../session/useServerNow.ts';

addEnglish(enWords);

/**
 * The leader's hearing, live, while it is the current agenda item: its title and time, who has
 * the floor and how many wait, exactly as the public's live view shows them. The narrow seat
 * measures no clock offset, so the countdowns use this device's clock.
 */
export function HearingLive({ hearing }: { hearing: LeaderHearing }) {
  const { t } = useTranslation();
  const named = useNameWithRole();
  const now = useServerNow(0);
  const { item, turn } = hearing;
  return (
    <section
      className="tracked-standard hearing-live"
      aria-labelledby="hearing-live-heading"
      data-testid="hearing-live"
      data-item-id={item.id}
    >
      <h2 id="hearing-live-heading">{t('words.hearingLive.heading')}</h2>
      <p className="hint">{t('words.hearingLive.intro')}</p>
      <p>{t('words.hearingLive.sitting', { title: hearing.sessionTitle })}</p>
      <p className="hearing-live-item" data-testid="hearing-item">
        <strong>{item.title}</strong>
      </p>
      <ItemCountdown item={item} serverNow={now} />
      {turn ? (
        <div data-testid="hearing-speaker" data-participant-id={turn.participantId}>
          <p>{t('words.hearingLive.speaker', { name: named(turn.name, hearing.speakerRole) })}</p>
          <TurnCountdown turn={turn} serverNow={now} />
        </div>
      ) : (
        <p className="empty">{t('words.hearingLive.nobody')}</p>
      )}
      <p data-testid="hearing-waiting" data-count={hearing.waiting}>
        {t('words.hearingLive.waiting', { count: hearing.waiting })}
      </p>
    </section>
  );
}
