import { secretIn, WATCH_KEY_HEADER } from '@moot/protocol';

/**
 * Who reads the record: a member or moderator (their session cookie goes along by itself) or an
 * observer, whose watch key sits in the URL fragment as on the watch page — never sent in a
 * URL, only in the export's header.
 */
export interface RecordReader {
  watchKey: string | null;
}

export function readerFromHash(hash: string): RecordReader {
  return { watchKey: secretIn(hash.replace(/^#/, '')) };
}

export function readerHeaders({ watchKey }: RecordReader): Record<string, string> {
  return watchKey ? { [WATCH_KEY_HEADER]: watchKey } : {};
}

/** A link to another page of the record (or back) that keeps the observer's key in the fragment. */
export function recordHref(path: string, { watchKey }: RecordReader): string {
  return watchKey ? `${path}#${watchKey}` : path;
}

/** Where the reader came from: the watch page for observers, the assembly for members. */
export function homeHref(reader: RecordReader): string {
  return reader.watchKey ? recordHref('/watch', reader) : '/assembly';
}
