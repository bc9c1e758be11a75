import path from 'node:path';
import { build } from 'vite';

export const WEB_ROOT = path.resolve(import.meta.dirname, '../../apps/web');

/** Builds the web app once for the whole run, exactly as `npm start` serves it. */
export default async function buildWeb(): Promise<void> {
  await build({ root: WEB_ROOT, logLevel: 'warn', configFile: path.join(WEB_ROOT, 'vite.config.ts') });
}
