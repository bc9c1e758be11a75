import {
  ErrorCode,
  type ConfirmImport,
  type ImportPreview,
  type ImportResult,
  type IssueCards,
  type IssuedCard,
  type MembersState,
  type PreviewImport,
  type Quota,
  type FileProblem,
  type ReplaceMember,
  type Representation,
  type RepresentationQuery,
  type SetMemberSettings,
  type SetNeeds,
  type SetQuotas,
  refusal,
} from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { AppError } from '../../realtime/appError.ts';
import { revokeParticipant } from '../identity/participantAccess.ts';
import { inviteParticipant } from '../identity/participantStore.ts';
import { applyPlan, planImport } from './importPlan.ts';
import { issueCards } from './memberCards.ts';
import {
  categoriesOf,
  listMembers,
  listQuotas,
  listReplacements,
  memberRow,
  memberRows,
  memberSettings,
  recordReplacement,
  replaceQuotas,
  saveMemberSettings,
} from './memberStore.ts';
import { parseQuotas, representation } from './representation.ts';

const DAY_MS = 24 * 3600 * 1000;

/** Which assembly, and the organiser acting: the caller has checked that they run it. */
export interface MemberAdminScope {
  assemblyId: string;
  organiserId: string;
}

type Ctx = Pick<AppContext, 'db' | 'io'>;
const notFound = () =>
  new AppError(ErrorCode.notFound, 'No such member in this assembly', refusal('member', 'notFound'));

/**
 * Members from the civic lottery, for the assembly's organisers: import (preview, then confirm
 * exactly what was previewed), replacements, access needs, invite cards, quotas and the
 * representativeness view. Nothing here checks who asks: the organisers' routes
 * (`features/organise/memberRoutes.ts`) call these only for an organiser of the assembly, and
 * no seat (moderator, facilitator, member) reaches them by any way.
 */
export const memberAdmin = {
  preview: async ({ db }: Ctx, { assemblyId }: MemberAdminScope, { csv }: PreviewImport): Promise<ImportPreview> =>
    (await planImport(db, assemblyId, csv)).preview,

  import: ({ db }: Ctx, { assemblyId, organiserId }: MemberAdminScope, { csv, previewHash }: ConfirmImport) =>
    db.transaction(async (tx): Promise<ImportResult> => {
      // One import at a time per assembly, so two confirmations cannot both apply the same plan.
      await tx.query('SELECT id FROM assemblies WHERE id = $1 FOR UPDATE', [assemblyId]);
      const plan = await planImport(tx, assemblyId, csv);
      if (plan.preview.previewHash !== previewHash) {
        throw new AppError(
          ErrorCode.stale,
          'The file or the members changed since the preview; preview it again',
          refusal('member', 'importStale'),
        );
      }
      if (plan.preview.fileProblems.length > 0) {
        throw new AppError(
          ErrorCode.badRequest,
          'This file cannot be imported until its problems are fixed',
          refusal('member', 'fileHasProblems'),
        );
      }
      const result = await applyPlan(tx, assemblyId, plan);
      await recordAudit(tx, {
        assemblyId,
        actorId: organiserId,
        action: 'members.imported',
        detail: { added: result.added, updated: result.updated },
      });
      return result;
    }),

  list: async ({ db }: Ctx, { assemblyId }: MemberAdminScope): Promise<MembersState> => {
    const [members, replacements, settings, quotas, rows] = await Promise.all([
      listMembers(db, assemblyId),
      listReplacements(db, assemblyId),
      memberSettings(db, assemblyId),
      listQuotas(db, assemblyId),
      memberRows(db, assemblyId),
    ]);
    return { members, replacements, settings, quotas, categories: categoriesOf(rows) };
  },

  replace: async (
    ctx: Ctx,
    { assemblyId, organiserId }: MemberAdminScope,
    { memberId, replacementId }: ReplaceMember,
  ) => {
    const { db } = ctx;
    const dropped = await memberRow(db, assemblyId, memberId);
    const reserve = await memberRow(db, assemblyId, replacementId);
    if (!dropped || !reserve) throw notFound();
    if (dropped.status !== 'selected')
      throw new AppError(ErrorCode.badRequest, 'Only a selected member can drop out', refusal('member', 'notSelected'));
    if (reserve.status !== 'reserve')
      throw new AppError(ErrorCode.badRequest, 'Only a reserve can replace a member', refusal('member', 'notReserve'));
    await db.transaction(async (tx) => {
      const seat = await inviteParticipant(tx, assemblyId, 'member');
      await tx.query(`UPDATE members SET status = 'dropped', updated_at = now() WHERE id = $1`, [dropped.id]);
      await tx.query(`UPDATE members SET status = 'selected', participant_id = $2, updated_at = now() WHERE id = $1`, [
        reserve.id,
        seat.participant.id,
      ]);
      await recordReplacement(tx, assemblyId, dropped.id, reserve.id, organiserId);
      await recordAudit(tx, {
        assemblyId,
        actorId: organiserId,
        action: 'members.replaced',
        target: seat.participant.id,
      });
    });
    // Their seat ends (link, sessions, open connections); what they said and did stays theirs.
    if (dropped.participant_id) await revokeParticipant(ctx, assemblyId, dropped.participant_id, organiserId);
    return { replaced: true };
  },

  setNeeds: async ({ db }: Ctx, { assemblyId }: MemberAdminScope, { memberId, needs, consent }: SetNeeds) => {
    if (consent === 'withdrawn' && needs.length > 0) {
      throw new AppError(
        ErrorCode.badRequest,
        'Access needs are recorded only with the member’s consent',
        refusal('member', 'needsWithoutConsent'),
      );
    }
    const rows = await db.query(
      'UPDATE members SET needs = $3, needs_consent = $4, updated_at = now() WHERE id = $1 AND assembly_id = $2 RETURNING id',
      [memberId, assemblyId, needs, consent === 'given'],
    );
    if (rows.length === 0) throw notFound();
    return { saved: true };
  },

  issueCards: async (
    { db }: Ctx,
    { assemblyId, organiserId }: MemberAdminScope,
    { memberIds }: IssueCards,
  ): Promise<{ cards: IssuedCard[] }> => {
    const wanted = new Set(memberIds);
    const members = (await memberRows(db, assemblyId)).filter((m) => wanted.has(m.id));
    if (members.length !== wanted.size) throw notFound();
    if (members.some((m) => m.status !== 'selected' || m.participant_id === null)) {
      throw new AppError(
        ErrorCode.badRequest,
        'Cards are for selected members; a reserve gets one on replacing someone',
        refusal('member', 'cardsForSelected'),
      );
    }
    const { inviteDays } = await memberSettings(db, assemblyId);
    const cards = await db.transaction(async (tx) => {
      const issued = await issueCards(tx, members, new Date(Date.now() + inviteDays * DAY_MS));
      await recordAudit(tx, {
        assemblyId,
        actorId: organiserId,
        action: 'members.cards_issued',
        detail: { count: issued.length },
      });
      return issued;
    });
    return { cards };
  },

  settings: async ({ db }: Ctx, { assemblyId }: MemberAdminScope, settings: SetMemberSettings) => {
    const known = new Set(categoriesOf(await memberRows(db, assemblyId)));
    const unknown = settings.publishedCategories.find((c) => !known.has(c));
    if (unknown !== undefined)
      throw new AppError(
        ErrorCode.badRequest,
        `No category "${unknown}" among the members`,
        refusal('member', 'unknownCategory', { category: unknown }),
      );
    await saveMemberSettings(db, assemblyId, settings);
    return { saved: true };
  },

  quotas: async (
    { db }: Ctx,
    { assemblyId }: MemberAdminScope,
    { csv }: SetQuotas,
  ): Promise<{ quotas: Quota[]; problems: FileProblem[] }> => {
    const parsed = parseQuotas(csv);
    if (parsed.problems.length === 0) await replaceQuotas(db, assemblyId, parsed.quotas);
    return parsed;
  },

  representation: async (
    { db }: Ctx,
    { assemblyId }: MemberAdminScope,
    { sessionId }: RepresentationQuery,
  ): Promise<Representation> => {
    const found = await representation(db, assemblyId, sessionId);
    if (!found)
      throw new AppError(ErrorCode.notFound, 'No such sitting in this assembly', refusal('session', 'sittingNotFound'));
    return found;
  },
};
