import { mkdir } from 'node:fs/promises';
import { pino } from 'pino';
import { createApp } from './app.ts';
import { connectCluster } from './cluster/connectCluster.ts';
import { readConfig } from './config.ts';
import { ensureDemoAssembly } from './features/assemblies/demo.ts';
import { firstOrganiserLink } from './features/organise/operatorLink.ts';
import { BallotSecretError, loadBallotSecret } from './features/votes/ballotSecret.ts';
import { openDatabase } from './storage/open.ts';

/** The only place that reads the environment and listens. */
const config = readConfig();
const logger = pino({ level: config.logLevel });

await mkdir(config.dataDir, { recursive: true });
const ballotSecret = await loadBallotSecret({
  fromEnv: config.ballotSecret,
  file: config.ballotSecretFile,
  dataDir: config.dataDir,
}).catch((error: unknown) => {
  if (!(error instanceof BallotSecretError)) throw error;
  logger.fatal(error.message);
  process.exit(1);
});
if (ballotSecret.movedFrom)
  logger.warn(
    { from: ballotSecret.movedFrom, to: ballotSecret.file ?? 'BALLOT_SECRET' },
    'the ballot secret was in the data directory; it is now kept outside it',
  );
if (ballotSecret.file)
  logger.info(
    { ballotSecretFile: ballotSecret.file, created: ballotSecret.created },
    'ballot secret: back this file up apart from the data (without it, votes still open cannot be re-cast or closed); every node needs the same one',
  );
else logger.info('ballot secret: from BALLOT_SECRET (every node needs the same value)');
const db = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
const cluster = config.redisUrl ? await connectCluster(config.redisUrl, logger, config.redisPrefix) : null;
const app = createApp({
  db,
  ballotSecret: ballotSecret.secret,
  logger,
  webRoot: config.webRoot,
  secureCookies: config.secureCookies,
  publicUrl: config.publicUrl,
  updateBatchMs: config.updateBatchMs,
  trustProxy: config.trustProxy,
  metricsToken: config.metricsToken,
  peertubeHosts: config.peertubeHosts,
  ...(cluster ? { cluster } : {}),
});

await new Promise<void>((resolve) => app.httpServer.listen(config.port, config.host, resolve));
logger.info(
  {
    port: config.port,
    database: db.engine,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    cluster: cluster ? cluster.cluster.nodeId : 'single node',
  },
  'Moot is listening',
);

// Before the demo, which the operator organises: on the first start, the operator's link.
const organiserLink = await firstOrganiserLink(db, config.publicUrl);
const organiserLines = organiserLink
  ? ['Organiser link (works once; create and run assemblies at /organise):', `  Organiser:  ${organiserLink}`, '']
  : ['Organisers: `npm run moot -- organiser-link` prints a new organiser link.', ''];
if (config.seedDemo) {
  const links = await ensureDemoAssembly(db, config.dataDir, config.publicUrl);
  console.log(
    [
      '',
      `Moot is running at ${config.publicUrl}`,
      '',
      ...organiserLines,
      'Demo assembly — open each link in its own browser (or private window):',
      `  Moderator:  ${links.moderator}`,
      ...links.members.map((link, i) => `  Member ${i + 1}:   ${link}`),
      `  Watch page: ${links.watch}`,
      '',
    ].join('\n'),
  );
} else console.log(['', `Moot is running at ${config.publicUrl}`, '', ...organiserLines].join('\n'));

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping: writing pending edits');
  await app.close();
  await cluster?.close();
  await db.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
