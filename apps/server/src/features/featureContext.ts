import type { TrackerPublisher } from './accountability/trackerPublisher.ts';
import type { AmendmentPublisher } from './amendments/amendmentPublisher.ts';
import type { CasePublisher } from './cases/casePublisher.ts';
import type { CommentPublisher } from './comments/commentPublisher.ts';
import type { ConsensusPublisher } from './consensus/consensusPublisher.ts';
import type { EvidencePublisher } from './evidence/evidencePublisher.ts';
import type { PanelPublisher } from './panels/panelPublisher.ts';
import type { SessionPublisher } from './sessions/sessionPublisher.ts';
import type { VotePublisher } from './votes/votePublisher.ts';
import type { QuorumWatch } from './votes/quorumWatch.ts';
import type { WatcherCount } from './watch/watcherCount.ts';

/**
 * What the features share through the app context, added to the core's `AppContext` here (a
 * module augmentation) so that the dependency runs from the features to the core and never
 * back. `app.ts`, the composition root, builds each of them.
 */
declare module '../appContext.ts' {
  interface AppContext {
    watchers: WatcherCount;
    sessions: SessionPublisher;
    votes: VotePublisher;
    /** Quorum while a vote is open, and votes that close themselves at a deadline. */
    quorum: QuorumWatch;
    amendments: AmendmentPublisher;
    comments: CommentPublisher;
    consensus: ConsensusPublisher;
    cases: CasePublisher;
    evidence: EvidencePublisher;
    tracker: TrackerPublisher;
    panels: PanelPublisher;
  }
}
