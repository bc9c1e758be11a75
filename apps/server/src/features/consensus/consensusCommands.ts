import { ErrorCode, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import { participantRoom, type AssemblySocket } from '../../realtime/socketData.ts';
import { findStandard } from '../charter/charterStore.ts';
import { ownMarks, setMark } from './markStore.ts';
import { wordingOf } from './paragraphs.ts';
import { currentParagraphs } from './standardMap.ts';

/**
 * A member marks a paragraph of a standard agree, disagree or pass, or withdraws the mark. Like a
 * ballot it is an opinion, not an act on the record: no audit entry names it, and only the member
 * sees it (on every device of theirs, `consensus:mine`); everyone gets the recomputed aggregate.
 */
export function registerConsensusCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;

  on('assembly', socket, 'consensus:mark', logger, async ({ standardId, paragraph, mark }) => {
    const standard = await findStandard(db, assemblyId, standardId);
    if (!standard)
      throw new AppError(
        ErrorCode.notFound,
        'No such standard in this charter',
        refusal('charter', 'standardNotFound'),
      );
    if (standard.status === 'adopted' || standard.status === 'rejected')
      throw new AppError(
        ErrorCode.locked,
        'This standard has been decided; its paragraphs are no longer marked',
        refusal('consensus', 'decided'),
      );
    // The paragraph may have been typed a moment ago: what this node accepted is stored first.
    await ctx.documents.flushWrites();
    const found = (await currentParagraphs(db, standardId)).find((p) => p.key === paragraph);
    if (!found)
      throw new AppError(
        ErrorCode.notFound,
        'That paragraph is no longer in the standard; mark it again as it reads now',
        refusal('consensus', 'paragraphGone'),
      );
    await setMark(db, { standardId, paragraph, participantId: me.id, mark, wording: wordingOf(found.text) });
    ctx.io.to(participantRoom(me.id)).emit('consensus:mine', { marks: await ownMarks(db, assemblyId, me.id) });
    void ctx.consensus.marked(assemblyId, standardId);
    return null;
  });
}
