import type { IssuedCard, MembersState } from '@moot/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useMemberCalls } from './memberApi.ts';
import { InviteCards, type CardLayout } from './InviteCards.tsx';

/** Issue cards for a set of members and lay them out for printing (the secrets are shown here once). */
export function CardsPanel({
  assemblyId,
  state,
  assembly,
  issued,
  onIssued,
}: {
  assemblyId: string;
  state: MembersState;
  assembly: string;
  issued: IssuedCard[];
  onIssued: (cards: IssuedCard[]) => void;
}) {
  const { t } = useTranslation();
  const commands = useMemberCalls(assemblyId);
  const [who, setWho] = useState<'notJoined' | 'everyone'>('notJoined');
  const [layout, setLayout] = useState<CardLayout>('sheet');
  const selected = state.members.filter((m) => m.status === 'selected' && m.seat !== null);
  const notJoined = selected.filter((m) => !m.joined);
  const chosen = who === 'notJoined' ? notJoined : selected;
  async function issue() {
    if (chosen.length === 0) return;
    const ack = await commands.request('issueCards', { memberIds: chosen.map((m) => m.memberId) });
    if (ack.ok) onIssued(ack.data.cards);
  }
  return (
    <section aria-labelledby="members-cards" className="members-section">
      <div className="no-print">
        <h2 id="members-cards">{t('members.cards.heading')}</h2>
        <p>{t('members.cards.intro')}</p>
        <p>{t('members.cards.expiry', { days: state.settings.inviteDays })}</p>
        <fieldset>
          <legend>{t('members.cards.forWho')}</legend>
          <label className="checkbox">
            <input type="radio" name="card-who" checked={who === 'notJoined'} onChange={() => setWho('notJoined')} />{' '}
            {t('members.cards.notJoined', { count: notJoined.length })}
          </label>
          <label className="checkbox">
            <input type="radio" name="card-who" checked={who === 'everyone'} onChange={() => setWho('everyone')} />{' '}
            {t('members.cards.everyone', { count: selected.length })}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('members.cards.layout')}</legend>
          <label className="checkbox">
            <input type="radio" name="card-layout" checked={layout === 'sheet'} onChange={() => setLayout('sheet')} />{' '}
            {t('members.cards.sheet')}
          </label>
          <label className="checkbox">
            <input type="radio" name="card-layout" checked={layout === 'single'} onChange={() => setLayout('single')} />{' '}
            {t('members.cards.single')}
          </label>
        </fieldset>
        {commands.error && <ErrorNotice error={commands.error} />}
        {chosen.length === 0 ? (
          <p>{t('members.cards.none')}</p>
        ) : (
          <button type="button" aria-disabled={commands.busy} onClick={() => !commands.busy && void issue()}>
            {commands.busy ? t('members.cards.issuing') : t('members.cards.issue')}
          </button>
        )}
        {issued.length > 0 && (
          <>
            <p role="status" data-testid="cards-issued">
              {t('members.cards.issued', { count: issued.length })}
            </p>
            <button type="button" onClick={() => window.print()}>
              {t('members.cards.print')}
            </button>
          </>
        )}
      </div>
      {issued.length > 0 && <InviteCards cards={issued} layout={layout} assembly={assembly} />}
    </section>
  );
}
