import type { ConflictView, PanelPlace, PanelsState, PanelView } from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';
import { publicName } from '../assemblies/snapshot.ts';
import { listParticipants } from '../identity/participantStore.ts';
import { memberSettings } from '../members/memberStore.ts';
import { conflictsOf, panelsOf, type PanelRow } from './panelStore.ts';

export type PanelAudience = 'moderator' | 'member' | 'observer';

/** To 0.1 %: fine enough to compare, coarse enough that nearly equal chances group together. */
const roundChance = (chance: number) => Math.round(chance * 1000) / 1000;

/**
 * The panels as an audience sees them. Everyone: the commitment, the inputs' hash, the quotas on
 * published categories, the chances without names (lowest, highest, how many at each), and after
 * the draw the seed and the panel. Moderators also see each member's chance and every quota.
 * Nobody's categories, and no pool id of a member not drawn, leave the server (SECURITY.md).
 */
function viewOf(
  row: PanelRow,
  audience: PanelAudience,
  nameOf: (participantId: string) => string,
  published: ReadonlySet<string>,
): PanelView {
  const quotas = row.inputs.quotas.filter((q) => audience === 'moderator' || published.has(q.category));
  const chances = Object.values(row.lottery.chances);
  const spread = new Map<number, number>();
  for (const chance of chances) spread.set(roundChance(chance), (spread.get(roundChance(chance)) ?? 0) + 1);
  return {
    caseId: row.caseId,
    status: row.panel ? 'drawn' : 'prepared',
    size: row.size,
    poolSize: row.inputs.pool.length,
    quotas,
    hiddenQuotas: row.inputs.quotas.length - quotas.length,
    seedCommitment: row.seedCommitment,
    inputsHash: row.inputsHash,
    transcriptHash: row.transcriptHash,
    chances: {
      lowest: chances.length ? roundChance(Math.min(...chances)) : 0,
      highest: chances.length ? roundChance(Math.max(...chances)) : 0,
      spread: [...spread].map(([chance, members]) => ({ chance, members })).sort((a, b) => a.chance - b.chance),
    },
    memberChances:
      audience === 'moderator'
        ? Object.entries(row.lottery.chances)
            .map(([poolId, chance]) => ({
              participantId: row.pool[poolId]!,
              name: nameOf(row.pool[poolId]!),
              chance: roundChance(chance),
            }))
            .sort((a, b) => a.name.localeCompare(b.name))
        : null,
    seed: row.panel ? row.serverSeed : null,
    contribution: row.contribution,
    finalSeed: row.finalSeed,
    panel: row.panel
      ? row.panel.map((poolId) => ({ poolId, participantId: row.pool[poolId]!, name: nameOf(row.pool[poolId]!) }))
      : null,
    preparedAt: new Date(row.preparedAt).getTime(),
    drawnAt: row.drawnAt ? new Date(row.drawnAt).getTime() : null,
  };
}

export async function panelsState(db: Queryable, assemblyId: string, audience: PanelAudience): Promise<PanelsState> {
  const [rows, conflicts] = await Promise.all([panelsOf(db, assemblyId), conflictsOf(db, assemblyId)]);
  if (rows.length === 0 && conflicts.length === 0) return { panels: [], conflicts: [] };
  const [participants, settings] = await Promise.all([
    listParticipants(db, assemblyId),
    memberSettings(db, assemblyId),
  ]);
  const names = new Map(participants.map((p) => [p.id, audience === 'observer' ? publicName(p) : p.displayName]));
  const nameOf = (id: string) => names.get(id) ?? 'Unknown';
  const published = new Set(settings.publishedCategories);
  return {
    panels: rows.map((row) => viewOf(row, audience, nameOf, published)),
    conflicts: conflicts.map((c): ConflictView => ({
      caseId: c.caseId,
      participantId: c.participantId,
      name: nameOf(c.participantId),
      reason: audience === 'moderator' || c.reasonPublic ? c.reason : null,
    })),
  };
}

/**
 * A member's own index in each panel's public transcript (null when they were not in the pool):
 * for that member alone, so they can check that they were in the pool and whether their index
 * was drawn. Who holds any other index is never sent.
 */
export function placesOf(rows: readonly PanelRow[], participantId: string): PanelPlace[] {
  return rows
    .filter((row) => row.transcript)
    .map((row) => {
      const poolId = Object.keys(row.pool).find((id) => row.pool[id] === participantId);
      const index = poolId === undefined ? undefined : row.inputs.pool.find((m) => m.id === poolId)?.index;
      return { caseId: row.caseId, index: index ?? null };
    });
}

export async function ownPlaces(db: Queryable, assemblyId: string, participantId: string): Promise<PanelPlace[]> {
  return placesOf(await panelsOf(db, assemblyId), participantId);
}
