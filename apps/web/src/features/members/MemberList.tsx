import { ACCESS_NEEDS, type AccessNeed, type MemberRecord, type MembersState } from '@moot/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useMemberCalls } from './memberApi.ts';

/** Every member with what organisers need: contact, status, seat, card, needs; replace and re-issue from here. */
export function MemberList({
  assemblyId,
  state,
  onChanged,
  onNewCard,
}: {
  assemblyId: string;
  state: MembersState;
  onChanged: () => void;
  onNewCard: (member: MemberRecord) => void;
}) {
  const { t, i18n } = useTranslation();
  const commands = useMemberCalls(assemblyId);
  const [editing, setEditing] = useState<string | null>(null);
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language === 'cy' ? 'cy-GB' : 'en-GB');
  const reserves = state.members.filter((m) => m.status === 'reserve');
  const replace = async (memberId: string, replacementId: string) => {
    if (await commands.run('replace', { memberId, replacementId })) onChanged();
  };
  if (state.members.length === 0) return <p>{t('members.list.empty')}</p>;
  return (
    <>
      {commands.error && <ErrorNotice error={commands.error} />}
      <div className="table-scroll">
        <table className="member-list">
          <caption>{t('members.list.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('members.list.name')}</th>
              <th scope="col">{t('members.list.contact')}</th>
              <th scope="col">{t('members.list.status')}</th>
              <th scope="col">{t('members.list.card')}</th>
              <th scope="col">{t('members.list.needs')}</th>
              <th scope="col">{t('members.list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {state.members.map((m) => {
              const expired = m.cardExpiresAt !== null && Date.parse(m.cardExpiresAt) < Date.now();
              return (
                <tr key={m.memberId} data-member={m.name}>
                  <th scope="row">{m.name}</th>
                  <td>{[m.email, m.phone, m.address].filter(Boolean).join(' · ')}</td>
                  <td>
                    {t(`members.list.statuses.${m.status}`)}
                    {m.seat !== null && m.status === 'selected' && (
                      <>
                        {' · '}
                        {t('members.list.seatNumber', { seat: m.seat })}
                        {' · '}
                        {m.joined ? t('members.list.joined') : t('members.list.notJoined')}
                      </>
                    )}
                  </td>
                  <td>
                    {m.cardExpiresAt === null
                      ? t('members.list.noCard')
                      : expired
                        ? t('members.list.expired', { date: date(m.cardExpiresAt) })
                        : t('members.list.cardUntil', { date: date(m.cardExpiresAt) })}
                  </td>
                  <td>{m.needs.map((n) => t(`members.needs.kinds.${n}`)).join(', ')}</td>
                  <td className="member-actions">
                    {m.status === 'selected' && (
                      <>
                        <button type="button" className="secondary" onClick={() => onNewCard(m)}>
                          {t('members.list.newCard')}
                        </button>
                        <button type="button" className="secondary" onClick={() => setEditing(m.memberId)}>
                          {t('members.list.editNeeds')}
                        </button>
                        {reserves.length > 0 && <ReplaceControl member={m} reserves={reserves} onReplace={replace} />}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {editing && (
        <NeedsEditor
          key={editing}
          assemblyId={assemblyId}
          member={state.members.find((m) => m.memberId === editing)!}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
      {state.replacements.length > 0 && (
        <>
          <h3>{t('members.list.replacementsHeading')}</h3>
          <p className="hint">{t('members.list.droppedNote')}</p>
          <ul data-testid="replacements">
            {state.replacements.map((r) => (
              <li key={r.replacementId}>
                {t('members.list.replacement', {
                  replacement: r.replacementName,
                  dropped: r.droppedName,
                  date: date(r.at),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function ReplaceControl({
  member,
  reserves,
  onReplace,
}: {
  member: MemberRecord;
  reserves: MemberRecord[];
  onReplace: (memberId: string, replacementId: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState('');
  const id = `replace-${member.memberId}`;
  return (
    <span className="replace-control">
      <label htmlFor={id} className="visually-hidden">
        {t('members.list.replaceLabel', { name: member.name })}
      </label>
      <select id={id} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
        <option value="">{t('members.list.chooseReserve')}</option>
        {reserves.map((r) => (
          <option key={r.memberId} value={r.memberId}>
            {r.name}
          </option>
        ))}
      </select>
      <button type="button" className="secondary" onClick={() => chosen && void onReplace(member.memberId, chosen)}>
        {t('members.list.replace')}
      </button>
    </span>
  );
}

function NeedsEditor({
  assemblyId,
  member,
  onSaved,
}: {
  assemblyId: string;
  member: MemberRecord;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const commands = useMemberCalls(assemblyId);
  const [needs, setNeeds] = useState<AccessNeed[]>(member.needs);
  const [consent, setConsent] = useState(member.needsConsent);
  const [missingConsent, setMissingConsent] = useState(false);
  const toggle = (need: AccessNeed) =>
    setNeeds((current) => (current.includes(need) ? current.filter((n) => n !== need) : [...current, need]));
  async function save() {
    if (!consent && needs.length > 0) return setMissingConsent(true);
    setMissingConsent(false);
    if (
      await commands.run('setNeeds', {
        memberId: member.memberId,
        needs,
        consent: consent ? 'given' : 'withdrawn',
      })
    ) {
      onSaved();
    }
  }
  return (
    <form
      className="needs-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset>
        <legend>{t('members.needs.heading', { name: member.name })}</legend>
        <p className="hint">{t('members.needs.intro')}</p>
        {ACCESS_NEEDS.map((need) => (
          <label key={need} className="checkbox">
            <input type="checkbox" checked={needs.includes(need)} onChange={() => toggle(need)} />{' '}
            {t(`members.needs.kinds.${need}`)}
          </label>
        ))}
        <label className="checkbox consent">
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />{' '}
          {t('members.needs.consent')}
        </label>
      </fieldset>
      {missingConsent && (
        <p className="notice notice-error" role="alert">
          {t('members.needs.consentNeeded')}
        </p>
      )}
      {commands.error && <ErrorNotice error={commands.error} />}
      <button type="submit">{t('members.needs.save')}</button>
    </form>
  );
}
