import { LIMITS } from '@moot/protocol';
import { redeem, seedAssembly } from '../../apps/server/test/support/harness.ts';
import { appendUpdates } from '../../apps/server/src/collab/documentStore.ts';
import { addStandard } from '../../apps/server/src/features/charter/charterStore.ts';
import { inviteParticipant, listParticipants } from '../../apps/server/src/features/identity/participantStore.ts';
import { openDatabase } from '../../apps/server/src/storage/open.ts';
import { prefilledState } from './prefill.ts';
import type { SeedSpec } from './systems.ts';
import type { DocTarget } from './types.ts';

/** Sessions per assembly: enough that writers are distinct people, few enough to redeem quickly. */
const MAX_SESSIONS = 50;

/**
 * Seeds Moot's database directly (the server's own store functions) before its nodes start:
 * assemblies of up to `maxStandardsPerAssembly` standards, invites for the writers, and any
 * pre-filled document state. Invites are redeemed over HTTP once a node is up, as a browser would.
 */
export async function seedDocuments(databaseUrl: string, spec: SeedSpec) {
  const db = await openDatabase({ databaseUrl });
  const perAssembly = LIMITS.maxStandardsPerAssembly;
  const assemblies: { watchKey: string; docIds: string[]; invites: string[] }[] = [];
  try {
    for (let made = 0; made < spec.docs;) {
      const seeded = await seedAssembly(db);
      const actor = (await listParticipants(db, seeded.assemblyId))[0]!.id;
      const docIds = [seeded.docId];
      const want = Math.min(perAssembly, spec.docs - made);
      while (docIds.length < want)
        docIds.push((await addStandard(db, seeded.assemblyId, actor, `S${docIds.length}`)).docId);
      const writersHere = Math.ceil((spec.writers * want) / spec.docs);
      const invites = [...seeded.memberInvites];
      while (invites.length < Math.min(MAX_SESSIONS, writersHere)) {
        invites.push((await inviteParticipant(db, seeded.assemblyId, 'member')).inviteSecret);
      }
      if (spec.prefillBytes > 0) {
        const update = prefilledState(spec.prefillBytes);
        for (const docId of docIds) await appendUpdates(db, [{ docId, update, participantId: actor }]);
      }
      assemblies.push({ watchKey: seeded.watchKey, docIds, invites: invites.slice(0, Math.max(1, writersHere)) });
      made += want;
    }
  } finally {
    await db.close();
  }
  return {
    async redeem(url: string): Promise<DocTarget[]> {
      const docs: DocTarget[] = [];
      for (const a of assemblies) {
        const cookies: string[] = [];
        for (const [i, secret] of a.invites.entries()) cookies.push(await redeem(url, secret, `Writer ${i + 1}`));
        for (const docId of a.docIds) docs.push({ name: docId, watchKey: a.watchKey, cookies });
      }
      return docs;
    },
  };
}
