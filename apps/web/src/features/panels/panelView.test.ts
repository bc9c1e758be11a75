import type { PanelView } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import { compareTranscript } from './panelView.ts';

type Rerun = Parameters<typeof compareTranscript>[1];

const published = {
  transcriptHash: 'a'.repeat(64),
  seedCommitment: 'b'.repeat(64),
  finalSeed: 'c'.repeat(64),
  panel: [
    { poolId: '0000000a', participantId: 'p1', name: 'Grace' },
    { poolId: '0000000b', participantId: 'p2', name: 'Alan' },
  ],
} as PanelView;
const rerun: Rerun = {
  transcriptHash: 'a'.repeat(64),
  commitment: 'b'.repeat(64),
  finalSeed: 'c'.repeat(64),
  indices: [1, 4],
};

describe('checking a draw from its public transcript', () => {
  it('matches line by line: the transcript’s hash, the commitment, the seed of the draw, the seats drawn', () => {
    expect(compareTranscript(published, rerun)).toMatchObject({ all: true });
    expect(compareTranscript(published, rerun).lines.map((l) => l.key)).toEqual([
      'transcriptHash',
      'commitment',
      'finalSeed',
      'drawnSeats',
    ]);
  });

  it('flags another transcript, another seed or another number of seats', () => {
    const differs = (change: Partial<Rerun>) =>
      compareTranscript(published, { ...rerun, ...change })
        .lines.filter((l) => !l.matches)
        .map((l) => l.key);
    expect(differs({ transcriptHash: 'd'.repeat(64) })).toEqual(['transcriptHash']);
    expect(differs({ finalSeed: null })).toEqual(['finalSeed']);
    expect(differs({ indices: [1] })).toEqual(['drawnSeats']);
    // A draw prepared before transcripts has none to match.
    expect(compareTranscript({ ...published, transcriptHash: null }, rerun).all).toBe(false);
  });
});
