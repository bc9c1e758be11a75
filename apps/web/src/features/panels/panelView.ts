import type { PanelView, ProtocolError } from '@moot/protocol';

/** A chance (0…1) as a percentage with one decimal, in the reader's language. */
export const percentOf = (chance: number, language: string): string =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: 0 }).format(chance * 100);

/** The reason key of a panel refusal (`panel.quotaShort` → `quotaShort`), if it is one. */
export const panelReason = (error: ProtocolError | null): string | null =>
  error?.reason?.key.startsWith('panel.') ? error.reason.key.slice('panel.'.length) : null;

/** Whether a re-run (`PanelVerification`) reproduces the published record, line by line. */
export function compareCheck(
  published: PanelView,
  rerun: { inputsHash: string | null; commitment: string | null; finalSeed: string | null; panel: string[] | null },
) {
  const lines = [
    { key: 'inputsHash', published: published.inputsHash, rerun: rerun.inputsHash ?? '' },
    { key: 'commitment', published: published.seedCommitment, rerun: rerun.commitment ?? '' },
    { key: 'finalSeed', published: published.finalSeed ?? '', rerun: rerun.finalSeed ?? '' },
    {
      key: 'checkPanel',
      published: (published.panel ?? []).map((s) => s.poolId).join(' '),
      rerun: (rerun.panel ?? []).join(' '),
    },
  ].map((line) => ({ ...line, matches: line.published !== '' && line.published === line.rerun }));
  return { lines, all: lines.every((l) => l.matches) };
}

/**
 * Whether a transcript's re-run reproduces the published draw, line by line: the transcript's
 * hash (committed before the draw), the seed's commitment, the seed of the draw, and as many
 * drawn indices as the panel has seats. Which index is whose stays the server's.
 */
export function compareTranscript(
  published: PanelView,
  rerun: {
    transcriptHash: string | null;
    commitment: string | null;
    finalSeed: string | null;
    indices: number[] | null;
  },
) {
  const lines = [
    { key: 'transcriptHash', published: published.transcriptHash ?? '', rerun: rerun.transcriptHash ?? '' },
    { key: 'commitment', published: published.seedCommitment, rerun: rerun.commitment ?? '' },
    { key: 'finalSeed', published: published.finalSeed ?? '', rerun: rerun.finalSeed ?? '' },
    {
      key: 'drawnSeats',
      published: published.panel ? String(published.panel.length) : '',
      rerun: rerun.indices ? String(rerun.indices.length) : '',
    },
  ].map((line) => ({ ...line, matches: line.published !== '' && line.published === line.rerun }));
  return { lines, all: lines.every((l) => l.matches) };
}
