import { LIMITS } from '@moot/protocol';
import type { GroupMethod, GroupView, SessionState, StandardView } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { GroupPad } from '../groups/GroupPad.tsx';
import { GroupMethodField, GroupRepeats } from '../programme/GroupRepeats.tsx';
import { useCommands } from '../session/commands.ts';
import type { CommandRunner } from '../session/commands.ts';
import { groupsRunning } from '../session/view.ts';
import { StandardChecks } from './StandardChecks.tsx';
import { addEnglish } from '../../i18n/index.ts';
import { enGroupFloor } from '../../i18n/enGroupFloor.ts';

addEnglish(enGroupFloor);

interface Props {
  socket: AssemblySocket;
  state: SessionState;
  standards: readonly StandardView[];
  provider: CollabProvider;
}

/** Split the present members into N groups, move people between them, open any pad, end groups. */
export function GroupsConsole({ socket, state, standards, provider }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCommands(socket);
  const [count, setCount] = useState('2');
  const [standardIds, setStandardIds] = useState<string[]>([]);
  const [split, setSplit] = useState(false);
  const [method, setMethod] = useState<GroupMethod>('random');
  const running = groupsRunning(state);
  const names = new Map(state.attendees.map((a) => [a.participantId, a.name]));
  const groups = [...state.groups].sort((a, b) => a.number - b.number);

  return (
    <section className="console-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('groups.heading')}</h2>
      {running ? (
        <button type="button" onClick={() => void commands.run('groups:end', { sessionId: state.id })}>
          {t('console.endGroups')}
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void commands.run('groups:form', { sessionId: state.id, count: Number(count), standardIds, split, method });
          }}
        >
          <label htmlFor={`${id}-count`}>{t('console.groupCount')}</label>
          <input
            id={`${id}-count`}
            type="number"
            min={2}
            max={LIMITS.maxGroups}
            value={count}
            onChange={(e) => setCount(e.target.value)}
            required
          />
          <GroupMethodField id={`${id}-method`} value={method} onChange={setMethod} />
          <StandardChecks
            legend={t('console.groupStandards')}
            standards={standards}
            selected={standardIds}
            onChange={setStandardIds}
          />
          <div className="check">
            <input id={`${id}-split`} type="checkbox" checked={split} onChange={(e) => setSplit(e.target.checked)} />
            <label htmlFor={`${id}-split`}>{t('console.splitStandards')}</label>
          </div>
          <button type="submit">{t('console.formGroups')}</button>
        </form>
      )}
      {commands.error && <ErrorNotice error={commands.error} />}
      <GroupRepeats repeats={state.groupRepeats} names={names} />
      {groups.map((group) => (
        <GroupCard
          key={group.id}
          group={group}
          groups={groups}
          names={names}
          provider={provider}
          sessionId={state.id}
          run={commands.run}
        />
      ))}
    </section>
  );
}

interface CardProps {
  group: GroupView;
  groups: readonly GroupView[];
  names: ReadonlyMap<string, string>;
  provider: CollabProvider;
  sessionId: string;
  run: CommandRunner['run'];
}

function GroupCard({ group, groups, names, provider, sessionId, run }: CardProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <article className="group-card" aria-labelledby={`${id}-h`} data-testid="group">
      <h3 id={`${id}-h`}>{t('groups.groupName', { number: group.number })}</h3>
      {group.floor && (
        // The group's own queue is its facilitator's to steer; the moderator sees how it stands.
        <p className="hint" data-testid="group-floor-summary">
          {group.floor.turn && <>{t('groupFloor.consoleSpeaking', { name: group.floor.turn.name })} · </>}
          {t('groupFloor.consoleWaiting', { count: group.floor.queue.length })}
        </p>
      )}
      <ul>
        {group.memberIds.map((memberId) => (
          <li key={memberId}>
            <MoveMember
              name={names.get(memberId) ?? '?'}
              group={group}
              groups={group.ended ? [] : groups}
              onMove={(groupId) => void run('groups:move', { sessionId, participantId: memberId, groupId })}
            />
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t(open ? 'console.hidePad' : 'console.showPad', { number: group.number })}
      </button>
      {open && <GroupPad provider={provider} group={group} editable={!group.ended} />}
    </article>
  );
}

interface MoveProps {
  name: string;
  group: GroupView;
  groups: readonly GroupView[];
  onMove: (groupId: string) => void;
}

function MoveMember({ name, group, groups, onMove }: MoveProps) {
  const { t } = useTranslation();
  const id = useId();
  const others = groups.filter((g) => g.id !== group.id);
  const [target, setTarget] = useState(others[0]?.id ?? '');
  if (others.length === 0) return <span>{name}</span>;
  const chosen = others.some((g) => g.id === target) ? target : others[0]!.id;
  return (
    <span className="inline-form">
      <span>{name}</span>
      <label htmlFor={`${id}-to`}>{t('console.moveMember', { name })}</label>
      <select id={`${id}-to`} value={chosen} onChange={(e) => setTarget(e.target.value)}>
        {others.map((g) => (
          <option key={g.id} value={g.id}>
            {t('groups.groupName', { number: g.number })}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="secondary"
        aria-label={t('console.moveLabel', { name })}
        onClick={() => onMove(chosen)}
      >
        {t('console.move')}
      </button>
    </span>
  );
}
