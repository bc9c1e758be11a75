import { createHash, randomUUID } from 'node:crypto';
import type { ImportPreview, ImportResult, PreviewRow, RowAction } from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';
import { inviteParticipant } from '../identity/participantStore.ts';
import { parseMemberCsv, type ParsedRow } from './memberCsv.ts';
import { memberRows, type MemberRow } from './memberStore.ts';

/** A previewed row and the member it would change (null: a new member). */
interface PlannedRow {
  row: ParsedRow;
  action: RowAction;
  member: MemberRow | null;
}

export interface ImportPlan {
  preview: ImportPreview;
  planned: PlannedRow[];
}

const sameContact = (row: ParsedRow, member: MemberRow) =>
  row.name.toLowerCase() === member.name.toLowerCase() &&
  row.email === member.email &&
  row.phone === member.phone &&
  row.address === member.address;

const sameDemographics = (a: Record<string, string>, b: Record<string, string>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** The status a row gives a member: a reserve drawn in by the file gets a seat; nobody is demoted or revived by a file. */
const statusAfter = (row: ParsedRow, member: MemberRow | null) =>
  member === null ? row.status : member.status === 'reserve' && row.status === 'selected' ? 'selected' : member.status;

const unchanged = (row: ParsedRow, member: MemberRow) =>
  row.reference === member.reference &&
  row.name === member.name &&
  row.email === member.email &&
  row.phone === member.phone &&
  row.address === member.address &&
  statusAfter(row, member) === member.status &&
  sameDemographics(row.demographics, member.demographics);

/**
 * What importing a file would do, matched against the members already imported: by reference
 * (the tool's id column) where the row has one, else by exact name and contact details. The
 * hash names the file, every row's action and the state of every member it matched or left
 * aside, so a confirmation applies exactly this or nothing.
 */
export async function planImport(db: Queryable, assemblyId: string, csv: Uint8Array): Promise<ImportPlan> {
  const parsed = parseMemberCsv(csv);
  const members = await memberRows(db, assemblyId);
  const byReference = new Map(members.filter((m) => m.reference !== null).map((m) => [m.reference!, m]));
  const used = new Set<string>();
  const planned: PlannedRow[] = parsed.rows.map((row) => {
    if (row.problems.length > 0) return { row, action: 'left_out', member: null };
    let member = row.reference !== null ? (byReference.get(row.reference) ?? null) : null;
    // A row whose reference is new may still be someone imported before without one.
    member ??=
      members.find((m) => !used.has(m.id) && (m.reference === null || row.reference === null) && sameContact(row, m)) ??
      null;
    if (member && used.has(member.id)) member = null;
    if (member) used.add(member.id);
    return { row, action: member === null ? 'add' : unchanged(row, member) ? 'unchanged' : 'update', member };
  });
  const notInFile = members.filter((m) => !used.has(m.id));
  const rows: PreviewRow[] = planned.map(({ row, action }) => ({
    line: row.line,
    action,
    reference: row.reference,
    name: row.name,
    email: row.email,
    phone: row.phone,
    address: row.address,
    status: row.status,
    demographics: row.demographics,
    problems: row.problems,
  }));
  const counts: Record<RowAction, number> = { add: 0, update: 0, unchanged: 0, left_out: 0 };
  for (const { action } of planned) counts[action]++;
  const hash = createHash('sha256')
    .update(csv)
    .update(
      JSON.stringify({
        assemblyId,
        rows: planned.map((p) => [p.row.line, p.action, p.member?.id ?? null, p.member?.updated_at ?? null]),
        members: members.map((m) => [m.id, new Date(m.updated_at).toISOString()]),
      }),
    )
    .digest('hex');
  return {
    preview: {
      previewHash: hash,
      columns: parsed.columns,
      fileProblems: parsed.fileProblems,
      rows,
      notInFile: notInFile.map((m) => ({ memberId: m.id, name: m.name, reference: m.reference })),
      counts,
    },
    planned,
  };
}

/** Writes a plan: new members (selected ones get a seat), updates in place; members not in the file stay as they are. */
export async function applyPlan(tx: Queryable, assemblyId: string, plan: ImportPlan): Promise<ImportResult> {
  for (const { row, action, member } of plan.planned) {
    if (action === 'add') {
      const seat =
        row.status === 'selected' ? (await inviteParticipant(tx, assemblyId, 'member')).participant.id : null;
      await tx.query(
        `INSERT INTO members (id, assembly_id, participant_id, reference, name, email, phone, address, demographics, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          randomUUID(),
          assemblyId,
          seat,
          row.reference,
          row.name,
          row.email,
          row.phone,
          row.address,
          JSON.stringify(row.demographics),
          row.status,
        ],
      );
    } else if (action === 'update' && member) {
      const status = statusAfter(row, member);
      const seat =
        status === 'selected' && member.participant_id === null
          ? (await inviteParticipant(tx, assemblyId, 'member')).participant.id
          : member.participant_id;
      await tx.query(
        `UPDATE members SET reference = $3, name = $4, email = $5, phone = $6, address = $7, demographics = $8,
           status = $9, participant_id = $10, updated_at = now()
         WHERE id = $1 AND assembly_id = $2`,
        [
          member.id,
          assemblyId,
          row.reference,
          row.name,
          row.email,
          row.phone,
          row.address,
          JSON.stringify(row.demographics),
          status,
          seat,
        ],
      );
    }
  }
  const { add, update, unchanged, left_out } = plan.preview.counts;
  return { added: add, updated: update, unchanged, leftOut: left_out };
}
