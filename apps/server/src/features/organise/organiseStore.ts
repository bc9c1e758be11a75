import {
  ErrorCode,
  LIMITS,
  type AssemblyDetails,
  type OrganisedAssembly,
  type OrganiserView,
  type ParticipantRole,
  refusal,
} from '@moot/protocol';
import { recordAudit } from '../../audit/auditLog.ts';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';
import { archiveAssembly, createAssembly, updateAssemblyDetails } from '../assemblies/assemblyStore.ts';
import { inviteParticipant } from '../identity/participantStore.ts';
import { organiserView } from './organiserStore.ts';

/**
 * The assemblies an organiser runs. Every read and write here names the organiser, and finds an
 * assembly only through `assembly_organisers`: another organiser's assembly is "not found",
 * exactly like one that does not exist. Each change is audited in the caller's transaction,
 * with the organiser as its actor (not a participant, so the public record names nobody).
 */
interface OrganisedRow {
  id: string;
  title: string;
  charge: string;
  description: string;
  languages: OrganisedAssembly['languages'];
  starts_on: string | null;
  ends_on: string | null;
  commissioned_by: string;
  listed: boolean;
  archived: boolean;
  created_at: Date;
}
const COLUMNS = `a.id, a.title, a.charge, a.description, a.languages, to_char(a.starts_on, 'YYYY-MM-DD') AS starts_on,
  to_char(a.ends_on, 'YYYY-MM-DD') AS ends_on, a.commissioned_by, a.listed, a.archived_at IS NOT NULL AS archived,
  a.created_at`;
const toOrganised = (r: OrganisedRow): OrganisedAssembly => ({
  id: r.id,
  title: r.title,
  charge: r.charge,
  description: r.description,
  languages: r.languages,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  commissionedBy: r.commissioned_by,
  listed: r.listed,
  archived: r.archived,
  createdAt: new Date(r.created_at).toISOString(),
});

const notFound = () =>
  new AppError(
    ErrorCode.notFound,
    'No such assembly among those you organise',
    refusal('organise', 'assemblyNotFound'),
  );

/** Creates an assembly run by `organiserId`; its first watch link is returned once. */
export async function organiseAssembly(
  tx: Queryable,
  organiserId: string,
  details: AssemblyDetails & { slug?: string },
): Promise<{ assembly: OrganisedAssembly; watchKey: string }> {
  const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM assembly_organisers WHERE organiser_id = $1',
    [organiserId],
  );
  if (count >= LIMITS.maxAssembliesPerOrganiser) {
    throw new AppError(
      ErrorCode.limitReached,
      `An organiser runs at most ${LIMITS.maxAssembliesPerOrganiser} assemblies`,
      refusal('organise', 'tooManyAssemblies', { max: LIMITS.maxAssembliesPerOrganiser }),
    );
  }
  const { assembly, watchKey } = await createAssembly(tx, details);
  await tx.query('INSERT INTO assembly_organisers (assembly_id, organiser_id) VALUES ($1, $2)', [
    assembly.id,
    organiserId,
  ]);
  await recordAudit(tx, {
    assemblyId: assembly.id,
    actorId: organiserId,
    action: 'assembly.created',
    detail: { title: details.title },
  });
  return { assembly: (await findOrganised(tx, organiserId, assembly.id))!, watchKey };
}

export async function listOrganised(db: Queryable, organiserId: string): Promise<OrganisedAssembly[]> {
  const rows = await db.query<OrganisedRow>(
    `SELECT ${COLUMNS} FROM assemblies a JOIN assembly_organisers o ON o.assembly_id = a.id
     WHERE o.organiser_id = $1 ORDER BY a.created_at DESC`,
    [organiserId],
  );
  return rows.map(toOrganised);
}

/** The assembly if `organiserId` runs it; null otherwise (whether or not it exists). */
export async function findOrganised(
  db: Queryable,
  organiserId: string,
  assemblyId: string,
): Promise<OrganisedAssembly | null> {
  const [row] = await db.query<OrganisedRow>(
    `SELECT ${COLUMNS} FROM assemblies a JOIN assembly_organisers o ON o.assembly_id = a.id
     WHERE o.organiser_id = $1 AND a.id = $2`,
    [organiserId, assemblyId],
  );
  return row ? toOrganised(row) : null;
}

/** The assembly if `organiserId` runs it; throws `not_found` otherwise, and `archived` if `writable` and it is. */
export async function organisedOrThrow(
  db: Queryable,
  organiserId: string,
  assemblyId: string,
  writable: boolean,
): Promise<OrganisedAssembly> {
  const found = await findOrganised(db, organiserId, assemblyId);
  if (!found) throw notFound();
  if (writable && found.archived) {
    throw new AppError(
      ErrorCode.archived,
      'This assembly is archived: it can be read, not changed',
      refusal('command', 'archived'),
    );
  }
  return found;
}

export async function organisersOf(db: Queryable, assemblyId: string): Promise<OrganiserView[]> {
  const rows = await db.query<{ id: string; number: number }>(
    `SELECT g.id, g.number FROM organisers g JOIN assembly_organisers o ON o.organiser_id = g.id
     WHERE o.assembly_id = $1 ORDER BY o.added_at, g.number`,
    [assemblyId],
  );
  return rows.map(organiserView);
}

export async function editOrganised(
  tx: Queryable,
  organiserId: string,
  assemblyId: string,
  details: AssemblyDetails,
): Promise<{ watchKey: string | null }> {
  await organisedOrThrow(tx, organiserId, assemblyId, true);
  const result = await updateAssemblyDetails(tx, assemblyId, details);
  await recordAudit(tx, {
    assemblyId,
    actorId: organiserId,
    action: 'assembly.edited',
    detail: { title: details.title, listed: details.listed },
  });
  return result;
}

export async function archiveOrganised(tx: Queryable, organiserId: string, assemblyId: string): Promise<void> {
  await organisedOrThrow(tx, organiserId, assemblyId, true);
  if (!(await archiveAssembly(tx, assemblyId))) {
    throw new AppError(ErrorCode.archived, 'This assembly is already archived', refusal('organise', 'alreadyArchived'));
  }
  await recordAudit(tx, { assemblyId, actorId: organiserId, action: 'assembly.archived' });
}

/** A new seat in `role` and its invite secret (shown once). */
export async function appoint(
  tx: Queryable,
  organiserId: string,
  assemblyId: string,
  role: ParticipantRole,
): Promise<Awaited<ReturnType<typeof inviteParticipant>>> {
  await organisedOrThrow(tx, organiserId, assemblyId, true);
  const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM participants WHERE assembly_id = $1 AND revoked_at IS NULL',
    [assemblyId],
  );
  if (count >= LIMITS.maxSeatsPerAssembly) {
    throw new AppError(
      ErrorCode.limitReached,
      `An assembly has at most ${LIMITS.maxSeatsPerAssembly} seats`,
      refusal('organise', 'tooManySeats', { max: LIMITS.maxSeatsPerAssembly }),
    );
  }
  const invited = await inviteParticipant(tx, assemblyId, role);
  await recordAudit(tx, {
    assemblyId,
    actorId: organiserId,
    action: 'participant.appointed',
    target: invited.participant.id,
    detail: { role },
  });
  return invited;
}
