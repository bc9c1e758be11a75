import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { MarkedSection } from '../markedSection.ts';
import type { ConsensusCost } from './consensusCost.ts';

/** Where the consensus map's cost stands in BENCHMARKS.md (`--consensus` writes it, the report keeps it). */
export const CONSENSUS_SECTION = new MarkedSection('consensus');

/** The section, between markers. */
export function consensusSection(costs: readonly ConsensusCost[], date: string): string {
  const big = costs.at(-1)!;
  return [
    CONSENSUS_SECTION.start,
    '',
    '## Consensus map: the cost of recomputing it (issue 17)',
    '',
    `${date}, \`npm run bench -- --consensus\` (\`bench/src/consensus/consensusCost.ts\`, in process, no servers): one standard's whole map recomputed from its stored marks (\`mapOf\`: the wordings, the member × paragraph matrix, PCA, k-means for k = 2…5 with silhouettes, bridging), on marks with structure as a real room's (three camps with their own leanings, a fifth of the cells unmarked, some noise), after one warm-up run.`,
    '',
    '| members × paragraphs | runs | median ms | slowest ms | opinion groups found |',
    '| --- | --- | --- | --- | --- |',
    ...costs.map(
      (c) =>
        `| ${c.members} × ${c.paragraphs} | ${c.runs} | ${c.medianMs.toFixed(1)} | ${c.maxMs.toFixed(1)} | ${c.groups} |`,
    ),
    '',
    `At ${big.members} members × ${big.paragraphs} paragraphs one recomputation takes ${big.medianMs.toFixed(1)} ms of one core (median); a burst of marks on one assembly is recomputed once, not once per mark (the consensus publisher coalesces per assembly).`,
    '',
    CONSENSUS_SECTION.end,
  ].join('\n');
}

/** Puts the section into BENCHMARKS.md, replacing an earlier one. */
export async function writeConsensusSection(file: string, costs: readonly ConsensusCost[]): Promise<void> {
  const md = CONSENSUS_SECTION.replaceIn(readFileSync(file, 'utf8'), consensusSection(costs, new Date().toISOString()));
  writeFileSync(file, await format(md, { parser: 'markdown', printWidth: 120, proseWrap: 'preserve' }));
}
