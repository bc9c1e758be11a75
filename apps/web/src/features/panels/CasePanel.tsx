import { PANEL_LIMITS, type CaseView, type ConflictView, type PanelView, type RefusalKey } from '@moot/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addEnglish } from '../../i18n/index.ts';
import { enPanels } from '../../i18n/enPanels.ts';
import { ActionButton } from '../../ui/ActionButton.tsx';
import { BarChart } from '../../ui/charts/BarChart.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands, type CommandRunner } from '../session/commands.ts';
import { PanelCheck } from './PanelCheck.tsx';
import { panelReason, percentOf } from './panelView.ts';
import type { PanelsSnapshot, PanelsStore } from './panelsStore.ts';
import './panels.css';

addEnglish(enPanels);

interface Props {
  case: CaseView;
  store: PanelsStore;
  snapshot: PanelsSnapshot;
}

const FORMING = new Set(['open', 'hearing', 'deliberating']);

/**
 * A case's panel, for every audience: who stepped aside, the draw's record (quotas, chances, the
 * seed's and the transcript's fingerprints; after the draw the seed and the panel) and a check
 * of the draw from its public transcript (or the organisers' file). Members step aside here; moderators prepare and draw. Loaded lazily with its strings.
 */
export default function CasePanel({ case: c, store, snapshot }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const { state, me, places } = snapshot;
  const panel = state.panels.find((p) => p.caseId === c.id) ?? null;
  const conflicts = state.conflicts.filter((x) => x.caseId === c.id);
  const commands = useCommands(store.socket);
  const forming = FORMING.has(c.status) && !c.votes.some((v) => v.status === 'open');
  const role = me?.role ?? null;
  if (!panel && conflicts.length === 0 && role === null) return null;
  if (!panel && !forming && conflicts.length === 0) return null;
  const reason = panelReason(commands.error);

  return (
    <section
      className="case-panel"
      aria-labelledby={headingId}
      data-testid="case-panel"
      data-status={panel?.status ?? 'none'}
    >
      <h4 id={headingId}>{t('panels.heading', { number: c.number })}</h4>
      <p className="hint">{t('panels.explain')}</p>
      <Conflicts conflicts={conflicts} />
      {role === 'member' && !panel && forming && (
        <Declare commands={commands} c={c} declared={conflicts.some((x) => x.participantId === me?.id)} />
      )}
      {!panel && role === 'moderator' && forming && <Prepare commands={commands} c={c} />}
      {!panel && role !== 'moderator' && <p className="empty">{t('panels.notPrepared')}</p>}
      {panel && <Record panel={panel} />}
      {panel?.status === 'prepared' && role === 'moderator' && <Draw commands={commands} c={c} />}
      {panel?.panel && role === 'member' && (
        <p className="notice" data-testid="panel-mine">
          {panel.panel.some((s) => s.participantId === me?.id) ? t('panels.onPanel') : t('panels.notOnPanel')}
        </p>
      )}
      {panel?.panel && (
        <PanelCheck
          panel={panel}
          caseNumber={c.number}
          myIndex={role === 'member' && c.id in places ? places[c.id] : undefined}
        />
      )}
      {commands.error &&
        (reason ? (
          <div className="notice notice-error" role="alert" data-testid="panel-problem">
            <p>{t(`reasons.panel.${reason as RefusalKey<'panel'>}`, commands.error.reason?.params ?? {})}</p>
          </div>
        ) : (
          <ErrorNotice error={commands.error} />
        ))}
    </section>
  );
}

function Conflicts({ conflicts }: { conflicts: ConflictView[] }) {
  const { t } = useTranslation();
  if (conflicts.length === 0) return null;
  return (
    <>
      <h5>{t('panels.steppedAside')}</h5>
      <ul className="panel-conflicts" data-testid="panel-conflicts">
        {conflicts.map((x) => (
          <li key={x.participantId}>
            {x.reason ? t('panels.reasonGiven', { name: x.name, reason: x.reason }) : x.name}
          </li>
        ))}
      </ul>
    </>
  );
}

function Declare({ commands, c, declared }: { commands: CommandRunner; c: CaseView; declared: boolean }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState(false);
  const id = useId();
  if (declared) return <p className="notice">{t('panels.youSteppedAside')}</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void commands.run('case:declareConflict', { caseId: c.id, reason: reason.trim() || null, reasonPublic: shown });
  };
  return (
    <details className="panel-declare">
      <summary>{t('panels.declare')}</summary>
      <form onSubmit={submit}>
        <p className="hint" id={`${id}-hint`}>
          {t('panels.declareHint')}
        </p>
        <label htmlFor={`${id}-reason`}>{t('panels.declareReason')}</label>
        <textarea
          id={`${id}-reason`}
          value={reason}
          maxLength={500}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setReason(e.target.value)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} />{' '}
          {t('panels.declarePublic')}
        </label>
        <div className="button-row">
          <ActionButton type="submit" unavailable={commands.busy}>
            {t('panels.declareButton', { number: c.number })}
          </ActionButton>
        </div>
      </form>
    </details>
  );
}

function Prepare({ commands, c }: { commands: CommandRunner; c: CaseView }) {
  const { t } = useTranslation();
  const [size, setSize] = useState('12');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const seats = Number(size);
    if (Number.isInteger(seats) && seats >= 1) void commands.run('case:preparePanel', { caseId: c.id, size: seats });
  };
  return (
    <form className="panel-form" onSubmit={submit}>
      <p className="hint" id={`${id}-hint`}>
        {t('panels.prepareHint')}
      </p>
      <label htmlFor={`${id}-size`}>{t('panels.sizeLabel')}</label>
      <input
        id={`${id}-size`}
        type="number"
        inputMode="numeric"
        min={1}
        max={PANEL_LIMITS.maxSize}
        value={size}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setSize(e.target.value)}
      />
      <div className="button-row">
        <ActionButton type="submit" unavailable={commands.busy}>
          {t('panels.prepare')}
        </ActionButton>
      </div>
    </form>
  );
}

function Draw({ commands, c }: { commands: CommandRunner; c: CaseView }) {
  const { t } = useTranslation();
  const [contribution, setContribution] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (contribution.trim()) void commands.run('case:drawPanel', { caseId: c.id, contribution: contribution.trim() });
  };
  return (
    <form className="panel-form" onSubmit={submit}>
      <label htmlFor={`${id}-numbers`}>{t('panels.contributionLabel')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('panels.contributionHint')}
      </p>
      <input
        id={`${id}-numbers`}
        value={contribution}
        maxLength={PANEL_LIMITS.maxContribution}
        autoComplete="off"
        aria-describedby={`${id}-hint`}
        onChange={(e) => setContribution(e.target.value)}
      />
      <div className="button-row">
        <ActionButton type="submit" unavailable={commands.busy}>
          {t('panels.draw')}
        </ActionButton>
      </div>
    </form>
  );
}

/** The published record of a draw, the same for everyone but each member's chance (moderators only). */
function Record({ panel }: { panel: PanelView }) {
  const { t, i18n } = useTranslation();
  const pct = (chance: number) => t('panels.percent', { value: percentOf(chance, i18n.language) });
  return (
    <>
      <dl className="case-facts">
        <dt>{t('panels.seats')}</dt>
        <dd data-testid="panel-size">{panel.size}</dd>
        <dt>{t('panels.pool')}</dt>
        <dd data-testid="panel-pool">{panel.poolSize}</dd>
        <dt>{t('panels.commitment')}</dt>
        <dd>
          <code className="panel-hash" data-testid="panel-commitment">
            {panel.seedCommitment}
          </code>
        </dd>
        <dt>{t('panels.inputsHash')}</dt>
        <dd>
          <code className="panel-hash">{panel.inputsHash}</code>
        </dd>
        {panel.transcriptHash && (
          <>
            <dt>{t('panels.transcriptHash')}</dt>
            <dd>
              <code className="panel-hash" data-testid="panel-transcript-hash">
                {panel.transcriptHash}
              </code>
            </dd>
          </>
        )}
      </dl>
      <h5>{t('panels.quotas')}</h5>
      {panel.quotas.length === 0 && panel.hiddenQuotas === 0 ? (
        <p>{t('panels.noQuotas')}</p>
      ) : (
        <>
          {panel.quotas.length > 0 && (
            <table className="panel-table">
              <thead>
                <tr>
                  <th scope="col">{t('panels.category')}</th>
                  <th scope="col">{t('panels.seatsColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {panel.quotas.map((q) => (
                  <tr key={`${q.category}\u0000${q.value}`}>
                    <td>{t('panels.quotaRow', { category: q.category, value: q.value })}</td>
                    <td>
                      {q.min === q.max
                        ? t('panels.quotaExact', { min: q.min })
                        : t('panels.quotaSeats', { min: q.min, max: q.max })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {panel.hiddenQuotas > 0 && <p className="hint">{t('panels.hiddenQuotas', { count: panel.hiddenQuotas })}</p>}
        </>
      )}
      <h5>{t('panels.chancesHeading')}</h5>
      <p data-testid="panel-chances">
        {t('panels.chancesRange', { lowest: pct(panel.chances.lowest), highest: pct(panel.chances.highest) })}
      </p>
      <BarChart
        title={t('panels.chancesChart')}
        bars={panel.chances.spread.map((s) => ({
          key: String(s.chance),
          label: pct(s.chance),
          value: s.members,
          valueText: t('panels.membersCount', { count: s.members }),
        }))}
      />
      <table className="panel-table">
        <thead>
          <tr>
            <th scope="col">{t('panels.chance')}</th>
            <th scope="col">{t('panels.members')}</th>
          </tr>
        </thead>
        <tbody>
          {panel.chances.spread.map((s) => (
            <tr key={s.chance}>
              <td>{pct(s.chance)}</td>
              <td>{s.members}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {panel.memberChances && (
        <details className="panel-members">
          <summary>{t('panels.eachMember')}</summary>
          <table className="panel-table" data-testid="panel-member-chances">
            <thead>
              <tr>
                <th scope="col">{t('panels.member')}</th>
                <th scope="col">{t('panels.chance')}</th>
              </tr>
            </thead>
            <tbody>
              {panel.memberChances.map((m) => (
                <tr key={m.participantId}>
                  <td>{m.name}</td>
                  <td>{pct(m.chance)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {panel.panel && (
        <>
          <h5>{t('panels.drawnHeading')}</h5>
          <ul className="panel-seats" data-testid="panel-seats">
            {panel.panel.map((s) => (
              <li key={s.poolId}>{s.name}</li>
            ))}
          </ul>
          <dl className="case-facts">
            <dt>{t('panels.contribution')}</dt>
            <dd data-testid="panel-contribution">{panel.contribution}</dd>
            <dt>{t('panels.seed')}</dt>
            <dd>
              <code className="panel-hash">{panel.seed}</code>
            </dd>
            <dt>{t('panels.finalSeed')}</dt>
            <dd>
              <code className="panel-hash">{panel.finalSeed}</code>
            </dd>
          </dl>
        </>
      )}
    </>
  );
}
