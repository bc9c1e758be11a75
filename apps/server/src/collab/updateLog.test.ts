import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import type { Database } from '../storage/database.ts';
import { UpdateLog } from './updateLog.ts';

const WINDOW_MS = 200;
const WRITE_MS = 5;

/** A database whose INSERTs take `WRITE_MS` and are recorded as the number of rows each wrote. */
function recordingDatabase() {
  const batches: number[] = [];
  const db = {
    query: async (_sql: string, params: readonly unknown[] = []) => {
      batches.push(params.length / 3);
      await new Promise((resolve) => setTimeout(resolve, WRITE_MS));
      return [];
    },
  } as unknown as Database;
  return { db, batches };
}

const update = (n: number) => ({ docId: 'd', update: new Uint8Array([n]), participantId: null });

describe('UpdateLog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes an update reaching an idle log at once, with the rest of its turn', async () => {
    const { db, batches } = recordingDatabase();
    const log = new UpdateLog(db, pino({ level: 'silent' }), { batchMs: WINDOW_MS });
    let saved = 0;
    for (let i = 0; i < 3; i++) void log.append(update(i)).then(() => saved++);
    await vi.advanceTimersByTimeAsync(WRITE_MS + 1);
    expect(batches).toEqual([3]);
    expect(saved).toBe(3);
  });

  it('writes at most one batch per window while edits keep coming', async () => {
    const { db, batches } = recordingDatabase();
    const log = new UpdateLog(db, pino({ level: 'silent' }), { batchMs: WINDOW_MS });
    void log.append(update(0));
    await vi.advanceTimersByTimeAsync(1);
    for (let i = 1; i <= 5; i++) {
      void log.append(update(i));
      await vi.advanceTimersByTimeAsync(WINDOW_MS / 10);
    }
    expect(batches).toEqual([1]);
    await vi.advanceTimersByTimeAsync(WINDOW_MS);
    expect(batches).toEqual([1, 5]);
    // Idle for a window again: the next edit goes at once.
    await vi.advanceTimersByTimeAsync(WINDOW_MS);
    void log.append(update(6));
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([1, 5, 1]);
  });
});
