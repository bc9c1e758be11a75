import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ORGANISE_ROUTES } from '@moot/protocol';
import { BOUNDS } from '../../../vitest.bounds.ts';
import { TEST_BALLOT_SECRET } from './support/harness.ts';
import { call } from './support/organise.ts';
import { freePort } from './support/redis.ts';

const SRC = path.resolve(import.meta.dirname, '../src');
const LINK = /https?:\/\/\S+\/organise\/open#([A-Za-z0-9_-]{22})/;

/**
 * `npm start` and `npm run moot -- organiser-link` as the operator runs them: real processes on
 * one data directory (PGlite). The first start prints an organiser link beside the demo links;
 * the command issues a new one and revokes the unused one before it, and refuses to open the
 * embedded database while Moot runs on it.
 */
describe('the organiser link from the start-up log and `npm run moot`', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'moot-cli-'));
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  const env = (port: number) => ({
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SEED_DEMO: '1',
    LOG_LEVEL: 'warn',
    BALLOT_SECRET: Buffer.from(TEST_BALLOT_SECRET).toString('hex'),
    DATA_DIR: dataDir,
  });

  /** Runs `file` to its end; its exit code and everything it printed. */
  const run = (file: string, args: string[], port: number) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(SRC, file), ...args], {
        env: env(port),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('exit', (code) => resolve({ code, output }));
    });

  /** Starts `main.ts` and waits until it has printed its links; returns them with a stop function. */
  async function start(port: number) {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(SRC, 'main.ts')], {
      env: env(port),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await vi.waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`main exited:\n${output}`);
        expect(output).toContain('Watch page:');
      },
      { timeout: 4 * BOUNDS.conditionMs, interval: 100 },
    );
    const stop = () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    return { output, stop, url: `http://127.0.0.1:${port}` };
  }

  it(
    'prints a one-time organiser link on the first start only; the command re-issues it, revoking the unused one',
    async () => {
      const port = await freePort();
      const first = await start(port);
      const printed = first.output.match(LINK);
      expect(printed, first.output).not.toBeNull();
      // Beside the demo's links.
      expect(first.output).toMatch(/Organiser: +http/);
      expect(first.output).toMatch(/Moderator: +http/);
      const opened = await call(first.url, 'POST', ORGANISE_ROUTES.open, { body: { secret: printed![1] } });
      expect(opened.status).toBe(200);
      // The demo is the operator's: it is among their assemblies.
      const cookie = opened.setCookie!.split(';')[0]!;
      const mine = await call<{ assemblies: { title: string }[] }>(first.url, 'GET', ORGANISE_ROUTES.assemblies, {
        cookie,
      });
      expect(mine.body.assemblies.map((a) => a.title)).toEqual(['Demo Citizens’ Assembly on Public Leadership']);

      // While Moot runs on the embedded database, the command refuses to open it.
      const refused = await run('cli.ts', ['organiser-link'], port);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('Stop it');
      await first.stop();

      const a = await run('cli.ts', ['organiser-link'], port);
      const b = await run('cli.ts', ['organiser-link'], port);
      expect(a.code, a.output).toBe(0);
      const linkA = a.output.match(LINK)![1]!;
      const linkB = b.output.match(LINK)![1]!;
      const usage = await run('cli.ts', ['something-else'], port);
      expect(usage.code).toBe(2);
      expect(usage.output).toContain('Usage: npm run moot -- organiser-link');

      const second = await start(port);
      expect(second.output).not.toMatch(LINK); // later starts print no link, only how to get one
      expect(second.output).toContain('npm run moot -- organiser-link');
      expect((await call(second.url, 'POST', ORGANISE_ROUTES.open, { body: { secret: linkA } })).status).toBe(404);
      const reopened = await call(second.url, 'POST', ORGANISE_ROUTES.open, { body: { secret: linkB } });
      expect(reopened.status).toBe(200);
      const again = await call<{ me: { label: string } }>(second.url, 'GET', ORGANISE_ROUTES.me, {
        cookie: reopened.setCookie!.split(';')[0]!,
      });
      expect(again.body.me.label).toBe('Organiser 1'); // the operator again
      await second.stop();
    },
    3 * BOUNDS.testMs,
  ); // two starts and five runs of the command, each compiling the server with tsx
});
