import { readFile } from 'node:fs/promises';
import { drawFileSchema } from './panelDraw.ts';
import { verificationOf } from './panelRoutes.ts';

/**
 * `npm run moot -- verify-panel <file>`: re-runs a case panel's draw from the organisers' draw
 * file, with no server and no database, and prints what to compare with the published record
 * (the case's page and the public audit log): the inputs' hash, the seed's commitment, the seed
 * of the draw, each pool id's chance and the panel. Exit status 0 when it ran, 1 when it could not.
 */
export async function verifyPanelCommand(path: string): Promise<{ status: number; report: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { status: 1, report: `Cannot read ${path}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: 1, report: `${path} is not JSON` };
  }
  const file = drawFileSchema.safeParse(json);
  if (!file.success) return { status: 1, report: `${path} is not a Moot panel draw file` };
  const run = verificationOf(file.data);
  const lines = [
    `Case ${file.data.inputs.caseNumber}: a panel of ${file.data.inputs.size} from ${file.data.inputs.pool.length} members`,
    `Inputs (SHA-256):        ${run.inputsHash}`,
    `Seed commitment:         ${run.commitment ?? '(the seed is not in the file: drawn yet?)'}`,
  ];
  if (run.problem) return { status: 1, report: [...lines, `No panel: ${run.problem}`].join('\n') };
  lines.push(
    `Room's numbers:          ${file.data.contribution ?? '(none yet)'}`,
    `Seed of the draw:        ${run.finalSeed ?? '(not drawn yet)'}`,
    `Panel (pool ids):        ${run.panel?.join(' ') ?? '(not drawn yet)'}`,
    'Chances (pool id: %):',
    ...Object.entries(run.chances)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, chance]) => `  ${id}: ${(chance * 100).toFixed(1)}`),
  );
  return { status: 0, report: lines.join('\n') };
}
