import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../storage/database.ts';
import { addStandard } from '../charter/charterStore.ts';
import { listParticipants, reissueInvite } from '../identity/participantStore.ts';
import { appoint, organiseAssembly } from '../organise/organiseStore.ts';
import { ensureOperator } from '../organise/organiserStore.ts';
import { findAssemblyBySlug, rotateWatchKey } from './assemblyStore.ts';

export const DEMO_CHARGE =
  'What standards of leadership should our public sector leaders meet, and what should happen when they fall short?';

export interface DemoLinks {
  moderator: string;
  members: string[];
  watch: string;
}

const DEMO_SLUG = 'demo';
const FILE = 'demo-links.json';

/**
 * The demo assembly for `npm start`: created once, with a moderator, three members and a
 * watch link, the way an organiser creates one (the operator organises it: create, appoint,
 * invites), and listed on the home page. Only secret hashes are in the database, so the links themselves are kept in
 * the data directory (owner-only) to be printed again on the next start; if that file is
 * gone, the demo's links are re-issued.
 */
export async function ensureDemoAssembly(db: Database, dataDir: string, publicUrl: string): Promise<DemoLinks> {
  const file = path.join(dataDir, FILE);
  const existing = await findAssemblyBySlug(db, DEMO_SLUG);
  // A demo made before organisers existed (migration 10) becomes the operator's.
  if (existing) await adoptByOperator(db, existing.id);
  if (existing) {
    const saved = await readFile(file, 'utf8').then(
      (text) => JSON.parse(text) as { moderator: string; members: string[]; watch: string },
      () => null,
    );
    if (saved) return toLinks(publicUrl, saved);
  }
  const secrets = existing ? await reissue(db, existing.id) : await create(db);
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  await chmod(file, 0o600);
  return toLinks(publicUrl, secrets);
}

async function create(db: Database) {
  const { organiser } = await ensureOperator(db);
  const made = await db.transaction(async (tx) => {
    const { assembly, watchKey } = await organiseAssembly(tx, organiser.id, {
      slug: DEMO_SLUG,
      title: 'Demo Citizens’ Assembly on Public Leadership',
      charge: DEMO_CHARGE,
      description: 'A demonstration assembly: open the links `npm start` prints to try Moot.',
      languages: ['en', 'cy'],
      startsOn: null,
      endsOn: null,
      commissionedBy: '',
      listed: true,
    });
    const moderator = await appoint(tx, organiser.id, assembly.id, 'moderator');
    const members = [];
    for (let i = 0; i < 3; i++) members.push((await appoint(tx, organiser.id, assembly.id, 'member')).inviteSecret);
    return { assemblyId: assembly.id, moderator, members, watch: watchKey };
  });
  for (const title of ['Honesty with the public', 'Openness about conflicts of interest']) {
    await addStandard(db, made.assemblyId, made.moderator.participant.id, title);
  }
  return { moderator: made.moderator.inviteSecret, members: made.members, watch: made.watch };
}

async function adoptByOperator(db: Database, assemblyId: string) {
  const { organiser } = await ensureOperator(db);
  await db.query(
    `INSERT INTO assembly_organisers (assembly_id, organiser_id)
     SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM assembly_organisers WHERE assembly_id = $1)`,
    [assemblyId, organiser.id],
  );
}

async function reissue(db: Database, assemblyId: string) {
  const participants = await listParticipants(db, assemblyId);
  const moderator = participants.find((p) => p.role === 'moderator')!;
  const members = [];
  for (const p of participants.filter((p) => p.role === 'member')) members.push(await reissueInvite(db, p.id));
  return { moderator: await reissueInvite(db, moderator.id), members, watch: await rotateWatchKey(db, assemblyId) };
}

const toLinks = (base: string, s: { moderator: string; members: string[]; watch: string }): DemoLinks => ({
  moderator: `${base}/join#${s.moderator}`,
  members: s.members.map((m) => `${base}/join#${m}`),
  watch: `${base}/watch#${s.watch}`,
});
