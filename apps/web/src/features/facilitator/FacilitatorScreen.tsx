import type { ParticipantView, SessionState, VoteView } from '@moot/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import type { AssemblySocket } from '../../collab/transport.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enFacilitator } from '../../i18n/enFacilitator.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { GroupPad } from '../groups/GroupPad.tsx';
import { useCommands } from '../session/commands.ts';
import { PaperCount } from './PaperCount.tsx';
import { TableMembers } from './TableMembers.tsx';
import { hostedGroup, paperChoicesOf, steeredMembers, steeredQueue } from './view.ts';

addEnglish(enFacilitator);

interface Props {
  socket: AssemblySocket;
  provider: CollabProvider;
  state: SessionState;
  me: ParticipantView;
  votes: readonly VoteView[];
}

/**
 * A facilitator's (or note-taker's) screen: the group they host — its members, checked in and out
 * at the table, hands raised for them, its notes pad — or, while no groups run, the room at the
 * door; and for every open vote, the paper count. The server checks every command against the
 * same rule; this only shows what they may do.
 */
export default function FacilitatorScreen({ socket, provider, state, me, votes }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const runner = useCommands(socket);
  const group = hostedGroup(state, me.id);
  const running = state.groups.some((g) => !g.ended);
  const steers = me.role === 'facilitator';
  const members = steeredMembers(state, group);
  const paperVotes = votes.filter((v) => v.status === 'open' && paperChoicesOf(v.rules));
  return (
    <section className="facilitator-screen" aria-labelledby={`${id}-h`} data-testid="facilitator-screen">
      <h2 id={`${id}-h`}>{t('facilitator.heading')}</h2>
      <h3>{group ? t('facilitator.groupHeading', { number: group.number }) : t('facilitator.roomHeading')}</h3>
      {running && !group && <p data-testid="no-group">{t('facilitator.noGroup')}</p>}
      {!running && steers && <p className="hint">{t('facilitator.roomHint')}</p>}
      {!steers && <p className="hint">{t('facilitator.noteTakerHint')}</p>}
      {runner.error && <ErrorNotice error={runner.error} />}
      {steers && (
        <TableMembers
          sessionId={state.id}
          live={state.status === 'live'}
          members={members}
          queue={steeredQueue(state, members)}
          runner={runner}
        />
      )}
      {group && (
        <section aria-labelledby={`${id}-pad`}>
          <h3 id={`${id}-pad`}>{t('facilitator.padHeading')}</h3>
          <GroupPad provider={provider} group={group} editable />
        </section>
      )}
      {steers &&
        paperVotes.map((vote) => <PaperCount key={vote.id} vote={vote} members={members} me={me} runner={runner} />)}
    </section>
  );
}
