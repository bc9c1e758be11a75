import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../storage/database.ts';
import { addStandard } from '../charter/charterStore.ts';
import { inviteParticipant, listParticipants, reissueInvite } from '../identity/participantStore.ts';
import { createAssembly, findAssemblyBySlug, rotateWatchKey } from './assemblyStore.ts';

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
 * watch link. Only secret hashes are in the database, so the links themselves are kept in
 * the data directory (owner-only) to be printed again on the next start; if that file is
 * gone, the demo's links are re-issued.
 */
export async function ensureDemoAssembly(db: Database, dataDir: string, publicUrl: string): Promise<DemoLinks> {
  const file = path.join(dataDir, FILE);
  const existing = await findAssemblyBySlug(db, DEMO_SLUG);
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
  const { assembly, watchKey } = await createAssembly(db, {
    slug: DEMO_SLUG,
    title: 'Demo Citizens’ Assembly on Public Leadership',
    charge: DEMO_CHARGE,
  });
  const moderator = await inviteParticipant(db, assembly.id, 'moderator');
  const members = [];
  for (let i = 0; i < 3; i++) members.push((await inviteParticipant(db, assembly.id, 'member')).inviteSecret);
  for (const title of ['Honesty with the public', 'Openness about conflicts of interest']) {
    await addStandard(db, assembly.id, moderator.participant.id, title);
  }
  return { moderator: moderator.inviteSecret, members, watch: watchKey };
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
