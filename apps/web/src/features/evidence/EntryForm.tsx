import {
  EVIDENCE_BALANCES,
  EVIDENCE_KINDS,
  EVIDENCE_LIMITS,
  type EvidenceBalance,
  type EvidenceEntryView,
  type EvidenceKind,
} from '@moot/protocol';
import { useId, useState, type FormEvent } from 'react';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands } from '../session/commands.ts';
import { useEvidenceStrings } from './strings.ts';
import { parseLinks } from './view.ts';

interface Props {
  socket: AssemblySocket;
  /** The entry being edited; none to add one. */
  entry?: EvidenceEntryView;
  onDone?: () => void;
}

const TEXT_FIELDS = [
  ['title', EVIDENCE_LIMITS.maxEntryTitleLength],
  ['speaker', EVIDENCE_LIMITS.maxSpeakerLength],
  ['affiliation', EVIDENCE_LIMITS.maxAffiliationLength],
] as const;

/** The lead moderator's form for one entry: add it, or change it. What was typed stays until the server takes it. */
export function EntryForm({ socket, entry, onDone }: Props) {
  const { t } = useEvidenceStrings();
  const id = useId();
  const commands = useCommands(socket);
  const blank = {
    kind: 'briefing' as EvidenceKind,
    title: '',
    speaker: '',
    affiliation: '',
    interests: '',
    summary: '',
    easyRead: '',
    balance: 'context' as EvidenceBalance,
  };
  const [fields, setFields] = useState(entry ? { ...blank, ...entry } : blank);
  const [links, setLinks] = useState(entry?.links.join('\n') ?? '');
  const [badLinks, setBadLinks] = useState<string[]>([]);
  const set = (name: keyof typeof blank) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [name]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (commands.busy) return;
    const parsed = parseLinks(links);
    setBadLinks(parsed.bad);
    if (parsed.bad.length > 0) return;
    const values = {
      kind: fields.kind,
      title: fields.title,
      speaker: fields.speaker,
      affiliation: fields.affiliation,
      interests: fields.interests,
      summary: fields.summary,
      easyRead: fields.easyRead,
      balance: fields.balance,
      links: parsed.links,
    };
    const done = entry
      ? await commands.run('evidence:edit', { entryId: entry.id, entry: values })
      : await commands.run('evidence:add', { entry: values });
    if (!done) return;
    if (!entry) {
      setFields(blank);
      setLinks('');
    }
    onDone?.();
  }

  return (
    <form className="evidence-form decision-form" onSubmit={submit} noValidate aria-busy={commands.busy}>
      <fieldset>
        <legend>
          {entry ? t('evidence.form.editHeading', { number: entry.number }) : t('evidence.form.addHeading')}
        </legend>
        <label htmlFor={`${id}-kind`}>{t('evidence.form.kind')}</label>
        <select id={`${id}-kind`} value={fields.kind} onChange={set('kind')}>
          {EVIDENCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`evidence.kinds.${k}`)}
            </option>
          ))}
        </select>
        {TEXT_FIELDS.map(([name, max]) => (
          <div key={name}>
            <label htmlFor={`${id}-${name}`}>{t(`evidence.form.${name}`)}</label>
            <input
              id={`${id}-${name}`}
              type="text"
              value={fields[name]}
              maxLength={max}
              autoComplete="off"
              required={name === 'title'}
              onChange={set(name)}
            />
          </div>
        ))}
        <label htmlFor={`${id}-interests`}>{t('evidence.form.interests')}</label>
        <p className="hint" id={`${id}-interests-hint`}>
          {t('evidence.form.interestsHint')}
        </p>
        <textarea
          id={`${id}-interests`}
          rows={2}
          value={fields.interests}
          maxLength={EVIDENCE_LIMITS.maxInterestsLength}
          aria-describedby={`${id}-interests-hint`}
          onChange={set('interests')}
        />
        <label htmlFor={`${id}-summary`}>{t('evidence.form.summary')}</label>
        <textarea
          id={`${id}-summary`}
          rows={4}
          value={fields.summary}
          maxLength={EVIDENCE_LIMITS.maxSummaryLength}
          required
          onChange={set('summary')}
        />
        <label htmlFor={`${id}-easy`}>{t('evidence.form.easyRead')}</label>
        <textarea
          id={`${id}-easy`}
          rows={3}
          value={fields.easyRead}
          maxLength={EVIDENCE_LIMITS.maxEasyReadLength}
          onChange={set('easyRead')}
        />
        <label htmlFor={`${id}-links`}>{t('evidence.form.links')}</label>
        <p className="hint" id={`${id}-links-hint`}>
          {t('evidence.form.linksHint')}
        </p>
        <textarea
          id={`${id}-links`}
          rows={2}
          value={links}
          inputMode="url"
          aria-invalid={badLinks.length > 0 ? true : undefined}
          aria-describedby={badLinks.length > 0 ? `${id}-links-hint ${id}-links-error` : `${id}-links-hint`}
          onChange={(e) => setLinks(e.target.value)}
        />
        {badLinks.length > 0 && (
          <p className="field-error" role="alert" id={`${id}-links-error`}>
            {t('evidence.form.badLinks', { links: badLinks.join(', ') })}
          </p>
        )}
        <label htmlFor={`${id}-balance`}>{t('evidence.form.balance')}</label>
        <select id={`${id}-balance`} value={fields.balance} onChange={set('balance')}>
          {EVIDENCE_BALANCES.map((b) => (
            <option key={b} value={b}>
              {t(`evidence.balances.${b}`)}
            </option>
          ))}
        </select>
        <div className="evidence-form-actions">
          <button type="submit" aria-disabled={commands.busy}>
            {entry ? t('evidence.form.save') : t('evidence.form.add')}
          </button>
          {entry && (
            <button type="button" className="secondary" onClick={onDone}>
              {t('evidence.form.cancel')}
            </button>
          )}
        </div>
        {commands.error && <ErrorNotice error={commands.error} />}
      </fieldset>
    </form>
  );
}
