import { readConfig } from './config.ts';
import { reissueOrganiserLink } from './features/organise/operatorLink.ts';
import { openDatabase } from './storage/open.ts';
import { verifyPanelCommand } from './features/panels/verifyPanelCommand.ts';

/**
 * `npm run moot -- <command>`: the operator's commands, run beside (or instead of) the server.
 *   organiser-link        a new one-time organiser link for the operator; their unused one stops working
 *   organiser-link --new  a one-time link for another organiser (their own list of assemblies)
 *   verify-panel <file>   re-runs a case panel's draw from its public transcript or the organisers' draw file
 *                         (no server, no database)
 */
const USAGE = 'Usage: npm run moot -- organiser-link [--new] | verify-panel <file>';

const [command, ...flags] = process.argv.slice(2);
if (command === 'verify-panel' && flags.length === 1) {
  const { status, report } = await verifyPanelCommand(flags[0]!);
  (status === 0 ? console.log : console.error)(report);
  process.exit(status);
}
if (command !== 'organiser-link' || flags.some((f) => f !== '--new')) {
  console.error(USAGE);
  process.exit(2);
}
const config = readConfig();

// The embedded database (PGlite) may be opened by one process at a time.
if (!config.databaseUrl) {
  const running = await fetch(`http://127.0.0.1:${config.port}/healthz`).then(
    () => true,
    () => false,
  );
  if (running) {
    console.error(
      `Moot is running on port ${config.port} with the embedded database, which one process opens at a time.\n` +
        'Stop it (Ctrl+C), run this command, then start it again. (With DATABASE_URL set, no need to stop it.)',
    );
    process.exit(1);
  }
}
const db = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
try {
  const link = await reissueOrganiserLink(db, config.publicUrl, flags.includes('--new'));
  console.log(
    [
      '',
      flags.includes('--new')
        ? 'Organiser link for a new organiser (works once):'
        : 'Organiser link (works once; any earlier unused one no longer works):',
      `  ${link}`,
      '',
    ].join('\n'),
  );
} finally {
  await db.close();
}
