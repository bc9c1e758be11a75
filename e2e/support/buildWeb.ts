import path from 'node:path';
import { build } from 'vite';

export const WEB_ROOT = path.resolve(import.meta.dirname, '../../apps/web');

/**
 * Builds the web app once for the whole run, exactly as `npm start` serves it: a production
 * build (vitest sets NODE_ENV=test, which would bundle React's development build), so the
 * watch page's bundle budget is checked here on the real thing.
 */
export default async function buildWeb(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: WEB_ROOT, logLevel: 'warn', configFile: path.join(WEB_ROOT, 'vite.config.ts') });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
