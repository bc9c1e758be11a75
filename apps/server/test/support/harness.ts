import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import {
  type Ack,
  HTTP_ROUTES,
  NAMESPACES,
  PROTOCOL_VERSION,
  type AssemblyClientEvents,
  type AssemblyServerEvents,
  type AssemblySnapshot,
  type WatchClientEvents,
  type WatchServerEvents,
  wireParser,
} from '@moot/protocol';
import { createApp, type App, type AppDeps } from '../../src/app.ts';
import { createAssembly } from '../../src/features/assemblies/assemblyStore.ts';
import { addStandard } from '../../src/features/charter/charterStore.ts';
import { inviteParticipant } from '../../src/features/identity/participantStore.ts';
import type { Database } from '../../src/storage/database.ts';
import { memoryDatabase } from './memoryDatabase.ts';

export type MemberSocket = Socket<AssemblyServerEvents, AssemblyClientEvents>;
export type WatcherSocket = Socket<WatchServerEvents, WatchClientEvents>;

/** The data of a successful ack; a refusal fails the test with its code and message. */
export function acked<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

/** Every in-process node of a test shares this, as every node of a deployment shares `BALLOT_SECRET`. */
export const TEST_BALLOT_SECRET = new Uint8Array(32).fill(7);

export interface RunningApp {
  app: App;
  db: Database;
  url: string;
  /** Closes the app; the database too unless it was passed in. */
  close(): Promise<void>;
}

/** The real app on port 0 with an in-memory PGlite unless a database is given. */
export async function startApp(options: Partial<AppDeps> & { db?: Database } = {}): Promise<RunningApp> {
  const ownDb = !options.db;
  const db = options.db ?? (await memoryDatabase());
  const app = createApp({
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    ballotSecret: TEST_BALLOT_SECRET,
    ...options,
    db,
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = app.httpServer.address() as AddressInfo;
  return {
    app,
    db,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      if (ownDb) await db.close();
    },
  };
}

export interface SeededAssembly {
  assemblyId: string;
  watchKey: string;
  moderatorInvite: string;
  memberInvites: string[];
  standardId: string;
  docId: string;
}

/** An assembly with a moderator, three members and one standard. */
export async function seedAssembly(db: Database): Promise<SeededAssembly> {
  const { assembly, watchKey } = await createAssembly(db, {
    title: 'Test assembly',
    charge: 'What should leaders do?',
  });
  const moderator = await inviteParticipant(db, assembly.id, 'moderator');
  const memberInvites: string[] = [];
  for (let i = 0; i < 3; i++) memberInvites.push((await inviteParticipant(db, assembly.id, 'member')).inviteSecret);
  const standard = await addStandard(db, assembly.id, moderator.participant.id, 'Honesty');
  return {
    assemblyId: assembly.id,
    watchKey,
    moderatorInvite: moderator.inviteSecret,
    memberInvites,
    standardId: standard.id,
    docId: standard.docId,
  };
}

/** Redeems an invite over HTTP and returns the session cookie, as a browser would keep it. */
export async function redeem(url: string, secret: string, displayName: string): Promise<string> {
  const response = await fetch(url + HTTP_ROUTES.redeemInvite, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ secret, displayName }),
  });
  if (!response.ok) throw new Error(`redeem failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

const base = { transports: ['websocket'], parser: wireParser, reconnection: false, forceNew: true };

/** A member or moderator socket, resolved with the snapshot the server sends on connection. */
export async function connectMember(
  url: string,
  cookie: string,
  options: { reconnection?: boolean; headers?: Record<string, string>; listen?: (socket: MemberSocket) => void } = {},
): Promise<{ socket: MemberSocket; snapshot: AssemblySnapshot }> {
  const { headers, listen = () => {}, ...rest } = options;
  const socket: MemberSocket = connect(url + NAMESPACES.assembly, {
    ...base,
    ...rest,
    auth: { protocol: PROTOCOL_VERSION },
    extraHeaders: { ...headers, cookie },
  });
  // Frames sent with the snapshot (session state, votes …) can arrive in the same read as it,
  // before `await` returns: a listener that needs them goes on before the connection opens.
  listen(socket);
  return { socket, snapshot: await firstSnapshot(socket) };
}

/** `listen` runs before the connection opens, for tests that need the frames sent with the snapshot. */
export async function connectWatcher(
  url: string,
  watchKey: string,
  listen: (socket: WatcherSocket) => void = () => {},
  headers: Record<string, string> = {},
): Promise<{ socket: WatcherSocket; snapshot: AssemblySnapshot }> {
  const socket: WatcherSocket = connect(url + NAMESPACES.watch, {
    ...base,
    auth: { protocol: PROTOCOL_VERSION, watchKey },
    extraHeaders: headers,
  });
  listen(socket);
  return { socket, snapshot: await firstSnapshot(socket) };
}

export function firstSnapshot(socket: MemberSocket | WatcherSocket): Promise<AssemblySnapshot> {
  return new Promise((resolve, reject) => {
    (socket as MemberSocket).once('assembly:snapshot', resolve);
    (socket as MemberSocket).once('connect_error', reject);
  });
}

/** Resolves with the handshake refusal the server sent. */
export function refusal(
  socket: Socket,
): Promise<{ message: string; data?: { code: string; retryAfterSeconds?: number } }> {
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (err) => resolve(err as never));
    socket.once('connect', () => reject(new Error('connected but should have been refused')));
  });
}

export interface AssemblyInSession {
  running: RunningApp;
  seed: SeededAssembly;
  mod: MemberSocket;
  /** The seeded members, connected and checked in, named as asked. */
  members: MemberSocket[];
  sessionId: string;
  close(): Promise<void>;
}

/** The app with a seeded assembly, its moderator and members connected, and a session they checked in to. */
export async function startSession(options: {
  names: [string, string, string];
  title: string;
  start: boolean;
  turnLimitSeconds?: number;
}): Promise<AssemblyInSession> {
  const running = await startApp();
  const seed = await seedAssembly(running.db);
  const mod = (await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))).socket;
  const members: MemberSocket[] = [];
  for (const [i, invite] of seed.memberInvites.entries()) {
    members.push((await connectMember(running.url, await redeem(running.url, invite, options.names[i]!))).socket);
  }
  const { sessionId } = acked(
    await mod.emitWithAck('session:create', { title: options.title, turnLimitSeconds: options.turnLimitSeconds }),
  );
  if (options.start) acked(await mod.emitWithAck('session:start', { sessionId }));
  for (const m of members) acked(await m.emitWithAck('attendance:checkIn', { sessionId }));
  return {
    running,
    seed,
    mod,
    members,
    sessionId,
    close: async () => {
      for (const s of [mod, ...members]) s.disconnect();
      await running.close();
    },
  };
}
