import { readFile } from 'node:fs/promises';
import { parsePanelFile, verificationOf } from './panelRoutes.ts';

/**
 * `npm run moot -- verify-panel <file>`: re-runs a case panel's draw from its public transcript
 * or from the organisers' draw file, with no server and no database, and prints what to compare
 * with the published record (the case's page and the public audit log): the hashes, the seed's
 * commitment, the seed of the draw, each index's or pool id's chance and the drawn indices or
 * panel. Exit status 0 when it ran, 1 when it could not.
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
  const file = parsePanelFile(json);
  if (!file) return { status: 1, report: `${path} is not a Moot panel transcript or draw file` };
  const run = verificationOf(file);
  const transcript = 'format' in file;
  const poolSize = transcript ? file.types.flat().length : file.inputs.pool.length;
  const { caseNumber, size } = transcript ? file : file.inputs;
  const lines = [
    `Case ${caseNumber}: a panel of ${size} from ${poolSize} members (${run.format})`,
    ...(run.inputsHash ? [`Inputs (SHA-256):        ${run.inputsHash}`] : []),
    ...(run.transcriptHash ? [`Transcript (SHA-256):    ${run.transcriptHash}`] : []),
    `Seed commitment:         ${run.commitment ?? '(the seed is not in the file: drawn yet?)'}`,
  ];
  if (run.problem) return { status: 1, report: [...lines, `No panel: ${run.problem}`].join('\n') };
  lines.push(
    `Room's numbers:          ${file.contribution ?? '(none yet)'}`,
    `Seed of the draw:        ${run.finalSeed ?? '(not drawn yet)'}`,
    ...(run.indices || transcript ? [`Drawn indices:           ${run.indices?.join(' ') ?? '(not drawn yet)'}`] : []),
    ...(transcript ? [] : [`Panel (pool ids):        ${run.panel?.join(' ') ?? '(not drawn yet)'}`]),
    `Chances (${transcript ? 'index' : 'pool id'}: %):`,
    ...Object.entries(run.chances)
      .sort(([a], [b]) => (transcript ? Number(a) - Number(b) : a < b ? -1 : 1))
      .map(([id, chance]) => `  ${id}: ${(chance * 100).toFixed(1)}`),
  );
  return { status: 0, report: lines.join('\n') };
}
