import * as Y from 'yjs';
import type { RunningApp } from './harness.ts';

/** Tables a refused command may still write to: the audit log records the refusal itself. */
const WRITTEN_BY_REFUSALS = new Set(['audit_log']);
/**
 * Columns a connection writes, whatever it then sends: a session's last handshake (the member's
 * list of their devices). Opening a socket to send a refused command is not the command.
 */
const WRITTEN_BY_CONNECTING: Record<string, string[]> = { sessions: ['last_seen_at'] };

/**
 * A digest of every row of every table (but the audit log and what connecting writes), so a test can prove a refused
 * command changed nothing at all — not just the rows it expected to look at.
 */
export async function databaseFingerprint(running: RunningApp): Promise<Record<string, string>> {
  const tables = await running.db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const digest: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    if (WRITTEN_BY_REFUSALS.has(table)) continue;
    const volatile = WRITTEN_BY_CONNECTING[table] ?? [];
    const rowText = volatile.length ? `(to_jsonb(t) - ${volatile.map((c) => `'${c}'`).join(' - ')})::text` : 't::text';
    const [row] = await running.db.query<{ h: string | null; n: string | number }>(
      `SELECT md5(string_agg(${rowText}, '|' ORDER BY ${rowText})) AS h, count(*) AS n FROM "${table}" t`,
    );
    digest[table] = `${String(row?.n)}:${row?.h ?? ''}`;
  }
  return digest;
}

/** The canonical document's full state as the server holds it, byte for byte. */
export async function documentBytes(running: RunningApp, docId: string): Promise<string> {
  const live = await running.app.context.documents.open(docId);
  return Buffer.from(Y.encodeStateAsUpdate(live.doc)).toString('base64');
}

export async function deniedEntries(running: RunningApp, assemblyId: string): Promise<string[]> {
  const rows = await running.db.query<{ target: string }>(
    `SELECT target FROM audit_log WHERE assembly_id = $1 AND action = 'security.denied' ORDER BY id`,
    [assemblyId],
  );
  return rows.map((r) => r.target);
}
