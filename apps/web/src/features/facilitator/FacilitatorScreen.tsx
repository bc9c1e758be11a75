import type { ParticipantView, SessionState, VoteView } from '@moot/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import type { AssemblySocket } from '../../collab/transport.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enFacilitator } from '../../i18n/enFacilitator.ts';
import { enMemberAccess } from '../../i18n/enMemberAccess.ts';
import { enGroupFloor } from '../../i18n/enGroupFloor.ts';
import { useServerNow } from '../session/useServerNow.ts';
import { GroupFloor } from './GroupFloor.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { GroupPad } from '../groups/GroupPad.tsx';
import { useCommands } from '../session/commands.ts';
import { PaperCount } from './PaperCount.tsx';
import { SupportPaperCount } from '../finalBallot/SupportPaperCount.tsx';
import { isFinalBallot } from '../finalBallot/view.ts';
import { TableMembers } from './TableMembers.tsx';
import { TableNeeds } from './TableNeeds.tsx';
import { hostedGroup, steeredMembers, steeredQueue } from './view.ts';

addEnglish(enFacilitator);
addEnglish(enMemberAccess);
addEnglish(enGroupFloor);

interface Props {
  socket: AssemblySocket;
  provider: CollabProvider;
  state: SessionState;
  me: ParticipantView;
  votes: readonly VoteView[];
  /** The server clock's offset, for the group speaker's countdown. */
  offset: number;
}

/**
 * A facilitator's (or note-taker's) screen: the group they host — its members, checked in and out
 * at the table, hands raised for them, its notes pad — or, while no groups run, the room at the
 * door, and its own speaking queue, steered here while groups run; and for every open vote, the
 * paper count. The server checks every command against the
 * same rule; this only shows what they may do.
 */
export default function FacilitatorScreen({ socket, provider, state, me, votes, offset }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const runner = useCommands(socket);
  const group = hostedGroup(state, me.id);
  const running = state.groups.some((g) => !g.ended);
  const steers = me.role === 'facilitator';
  const members = steeredMembers(state, group);
  // A final ballot has its own paper count (per recommendation); every other open vote, this one.
  const paperVotes = votes.filter((v) => v.status === 'open' && !isFinalBallot(v));
  const serverNow = useServerNow(offset, !!group?.floor?.turn);
  const live = state.status === 'live';
  return (
    <section className="facilitator-screen" aria-labelledby={`${id}-h`} data-testid="facilitator-screen">
      <h2 id={`${id}-h`}>{t('facilitator.heading')}</h2>
      <h3>{group ? t('facilitator.groupHeading', { number: group.number }) : t('facilitator.roomHeading')}</h3>
      {running && !group && <p data-testid="no-group">{t('facilitator.noGroup')}</p>}
      {!running && steers && <p className="hint">{t('facilitator.roomHint')}</p>}
      {!steers && <p className="hint">{t('facilitator.noteTakerHint')}</p>}
      {runner.error && <ErrorNotice error={runner.error} />}
      {steers && group && (
        <GroupFloor sessionId={state.id} group={group} live={live} serverNow={serverNow} runner={runner} />
      )}
      {steers && (
        <TableMembers
          sessionId={state.id}
          live={live}
          members={members}
          queue={steeredQueue(state, members, group)}
          runner={runner}
          onCall={
            group
              ? (hand) =>
                  void runner.run('groupQueue:next', {
                    sessionId: state.id,
                    groupId: group.id,
                    participantId: hand.participantId,
                  })
              : undefined
          }
        />
      )}
      {steers && <TableNeeds socket={socket} sessionId={state.id} members={members} />}
      {group && (
        <section aria-labelledby={`${id}-pad`}>
          <h3 id={`${id}-pad`}>{t('facilitator.padHeading')}</h3>
          <GroupPad provider={provider} group={group} editable />
        </section>
      )}
      {steers &&
        paperVotes.map((vote) => <PaperCount key={vote.id} vote={vote} members={members} me={me} runner={runner} />)}
      {steers &&
        votes.map(
          (vote) =>
            vote.status === 'open' &&
            isFinalBallot(vote) && (
              <SupportPaperCount key={vote.id} vote={vote} members={members} me={me} runner={runner} />
            ),
        )}
    </section>
  );
}
