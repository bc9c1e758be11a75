import { ErrorCode, refusal, standardDocId, type RefusalKey, type SuggestionView } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import type { Queryable } from '../../storage/database.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { findStandard } from '../charter/charterStore.ts';
import { openVoteInSession } from '../votes/openVote.ts';
import { writeQuestion } from '../votes/voteQuestions.ts';
import { requireYesNoOrConsent } from '../votes/voteCommands.ts';
import * as store from './amendmentStore.ts';
import { locate, plainContent, staleness, textAt } from './suggestion.ts';

type AmendmentRefusal = RefusalKey<'amendment'>;

/** Amendments to locked or adopted standards, and minority reports on decided ones. */
export function registerAmendmentCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const actorId = socket.data.participant!.id;

  const change = async <T>(action: string, work: (tx: Queryable) => Promise<{ target: string; value: T }>) => {
    const value = await db.transaction(async (tx) => {
      const done = await work(tx);
      await recordAudit(tx, { assemblyId, actorId, action, target: done.target });
      return done.value;
    });
    await ctx.amendments.publish(assemblyId);
    return value;
  };
  const standardIn = async (
    tx: Queryable,
    standardId: string,
    statuses: string[],
    why: string,
    reason: AmendmentRefusal,
  ) => {
    const standard = await findStandard(tx, assemblyId, standardId);
    if (!standard)
      throw new AppError(
        ErrorCode.notFound,
        'No such standard in this charter',
        refusal('charter', 'standardNotFound'),
      );
    if (!statuses.includes(standard.status))
      throw new AppError(ErrorCode.badRequest, why, refusal('amendment', reason));
    return standard;
  };

  /** A suggestion whose text was edited since is not put to a vote: it would change nothing. */
  const refuseStale = async (amendmentId: string) => {
    const amendment = await db.transaction((tx) => store.lockAmendment(tx, assemblyId, amendmentId));
    const { suggestion } = amendment;
    if (!suggestion) return;
    const why = await ctx.documents.read(standardDocId(amendment.standardId), (doc) => staleness(doc, suggestion));
    if (why)
      throw new AppError(
        ErrorCode.stale,
        'The text this suggestion changes was edited since it was proposed: its proposer can withdraw it and suggest again',
        refusal('amendment', 'suggestionStale'),
      );
  };

  on('assembly', socket, 'amendment:propose', logger, ({ standardId, text, reason }) =>
    change('amendment.proposed', async (tx) => {
      await standardIn(
        tx,
        standardId,
        ['locked', 'adopted'],
        'Amend a locked or adopted standard; a drafting one is edited directly',
        'editDraftDirectly',
      );
      const amendmentId = await store.proposeAmendment(tx, {
        assemblyId,
        standardId,
        proposerId: actorId,
        text,
        reason,
      });
      return { target: amendmentId, value: { amendmentId } };
    }),
  );
  on('assembly', socket, 'amendment:suggest', logger, async ({ standardId, start, end, quote, content, reason }) => {
    // The range is read from the canonical document before the transaction: a standard being
    // amended is locked, so only another adopted amendment could move it meanwhile, and that
    // one is caught again when this suggestion is tabled and when it is applied.
    const standard = await findStandard(db, assemblyId, standardId);
    if (!standard)
      throw new AppError(
        ErrorCode.notFound,
        'No such standard in this charter',
        refusal('charter', 'standardNotFound'),
      );
    const found = await ctx.documents.read(standardDocId(standardId), (doc) => {
      const at = locate(doc, start, end);
      return at && textAt(at);
    });
    if (found === null)
      throw new AppError(
        ErrorCode.badRequest,
        'A suggestion changes text inside one paragraph of the standard: select words within one paragraph',
        refusal('amendment', 'oneParagraph'),
      );
    if (found !== quote)
      throw new AppError(
        ErrorCode.stale,
        'The text you selected was changed meanwhile: select it again',
        refusal('amendment', 'selectionChanged'),
      );
    const suggestion: SuggestionView = { start, end, quote, content };
    return change('amendment.suggested', async (tx) => {
      await standardIn(
        tx,
        standardId,
        ['locked', 'adopted'],
        'Suggest changes to a locked or adopted standard; a drafting one is edited directly',
        'editDraftDirectly',
      );
      const amendmentId = await store.proposeAmendment(tx, {
        assemblyId,
        standardId,
        proposerId: actorId,
        text: plainContent(content),
        reason,
        suggestion,
      });
      return { target: amendmentId, value: { amendmentId } };
    });
  });
  on('assembly', socket, 'amendment:withdraw', logger, ({ amendmentId }) =>
    change('amendment.withdrawn', async (tx) => {
      const amendment = await store.lockAmendment(tx, assemblyId, amendmentId);
      if (amendment.proposerId !== actorId)
        throw new AppError(
          ErrorCode.forbidden,
          'Only the member who proposed an amendment can withdraw it',
          refusal('amendment', 'notYourAmendment'),
        );
      if (amendment.status !== 'proposed')
        throw new AppError(
          ErrorCode.badRequest,
          'Only an amendment not yet tabled can be withdrawn',
          refusal('amendment', 'notWithdrawable'),
        );
      await store.setAmendmentStatus(tx, amendmentId, 'withdrawn');
      return { target: amendmentId, value: null };
    }),
  );
  on('assembly', socket, 'amendment:cosign', logger, ({ amendmentId }) =>
    change('amendment.cosigned', async (tx) => {
      const amendment = await store.lockAmendment(tx, assemblyId, amendmentId);
      if (amendment.status !== 'proposed')
        throw new AppError(
          ErrorCode.badRequest,
          'Only a proposed amendment can be co-signed',
          refusal('amendment', 'notCosignable'),
        );
      await store.cosign(tx, 'amendment', amendmentId, actorId);
      return { target: amendmentId, value: null };
    }),
  );
  on('assembly', socket, 'amendment:table', logger, async ({ amendmentId, rules, quorumShare }) => {
    requireYesNoOrConsent(rules.method);
    await refuseStale(amendmentId);
    const voteId = await change('amendment.tabled', async (tx) => {
      const amendment = await store.lockAmendment(tx, assemblyId, amendmentId);
      if (amendment.status !== 'proposed')
        throw new AppError(
          ErrorCode.badRequest,
          'This amendment was already tabled',
          refusal('amendment', 'alreadyTabled'),
        );
      const standard = await standardIn(
        tx,
        amendment.standardId,
        ['locked', 'adopted'],
        'The standard is no longer locked or adopted',
        'notLockedOrAdopted',
      );
      const id = await openVoteInSession(tx, {
        assemblyId,
        actorId,
        subject: 'amendment',
        subjectId: amendmentId,
        question: writeQuestion('amendment', { title: standard.title }),
        rules,
        quorumShare,
      });
      await store.setAmendmentStatus(tx, amendmentId, 'tabled', id);
      return { target: amendmentId, value: id };
    });
    await ctx.votes.publish(assemblyId);
    return { voteId };
  });

  on('assembly', socket, 'dissent:write', logger, ({ standardId, text }) =>
    change('dissent.written', async (tx) => {
      await standardIn(
        tx,
        standardId,
        ['adopted', 'rejected'],
        'A minority report follows a decision on the standard',
        'dissentNeedsDecision',
      );
      const dissentId = await store.writeDissent(tx, assemblyId, standardId, text);
      await store.cosign(tx, 'dissent', dissentId, actorId);
      return { target: dissentId, value: { dissentId } };
    }),
  );
  on('assembly', socket, 'dissent:cosign', logger, ({ dissentId }) =>
    change('dissent.cosigned', async (tx) => {
      await store.findDissent(tx, assemblyId, dissentId);
      await store.cosign(tx, 'dissent', dissentId, actorId);
      return { target: dissentId, value: null };
    }),
  );
}
