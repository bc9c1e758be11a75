import type { VoteView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enQuorum } from '../../i18n/enQuorum.ts';
import { ActionButton } from '../../ui/ActionButton.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { formatSeconds } from '../session/countdown.ts';
import { useCommands } from '../session/commands.ts';
import { useServerClock } from '../session/serverOffset.ts';

addEnglish(enQuorum);

/**
 * Quorum while a vote is open, for everyone who sees the vote (members, moderators, the public):
 * the countdown to its deadline, the pause when too few members are present ("Paused: quorum
 * lost (2 of 3 present)") with the moderator's "Continue with the 2 present", and, once a
 * moderator did that, a note saying so — a quorum override is shown, never hidden.
 */
export function QuorumState({ vote, continueWith }: { vote: VoteView; continueWith: AssemblySocket | null }) {
  const { t } = useTranslation();
  const open = vote.status === 'open';
  const pause = open ? (vote.quorumPause ?? null) : null;
  const continued = vote.quorumContinued ?? null;
  return (
    <>
      {open && vote.closesAt != null && <Deadline closesAt={vote.closesAt} />}
      {pause && (
        <div
          className="notice notice-warn"
          role="status"
          data-testid="vote-paused"
          data-present={pause.present}
          data-needed={pause.needed}
        >
          <p>
            <strong>{t('quorum.paused', { present: pause.present, needed: pause.needed })}</strong>
          </p>
          <p>{t('quorum.pausedExplain', { count: pause.needed })}</p>
          {continueWith && <ContinueVote socket={continueWith} vote={vote} present={pause.present} />}
        </div>
      )}
      {continued && (
        <p className="hint" data-testid="vote-continued" data-present={continued.present}>
          {t('quorum.continued', { count: continued.present, needed: continued.needed })}
        </p>
      )}
    </>
  );
}

function Deadline({ closesAt }: { closesAt: number }) {
  const { t } = useTranslation();
  const now = useServerClock();
  const left = Math.ceil((closesAt - now) / 1000);
  return (
    <p data-testid="vote-deadline" data-closes-at={closesAt}>
      {left > 0 ? t('quorum.closesIn', { time: formatSeconds(left) }) : t('quorum.closing')}
    </p>
  );
}

function ContinueVote({ socket, vote, present }: { socket: AssemblySocket; vote: VoteView; present: number }) {
  const { t } = useTranslation();
  const commands = useCommands(socket);
  return (
    <>
      <div className="button-row">
        <ActionButton
          unavailable={commands.busy}
          aria-label={t('quorum.continueLabel', { question: vote.question, count: present })}
          onClick={() => void commands.run('vote:continue', { voteId: vote.id })}
        >
          {t('quorum.continue', { count: present })}
        </ActionButton>
      </div>
      <p className="hint">{t('quorum.continueHint')}</p>
      {commands.error && <ErrorNotice error={commands.error} />}
    </>
  );
}
