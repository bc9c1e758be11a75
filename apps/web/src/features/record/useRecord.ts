import { useEffect, useState } from 'react';
import { getJson, type RequestError } from '../../api/http.ts';
import { readerHeaders, type RecordReader } from './reader.ts';

export type Loaded<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: RequestError };

/** One export, fetched as this reader (the watch key in a header for observers); null path: nothing to load. */
export function useRecord<T>(path: string | null, reader: RecordReader): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ status: 'loading' });
  const { watchKey } = reader;
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setLoaded({ status: 'loading' });
    void getJson<T>(path, readerHeaders({ watchKey })).then((result) => {
      if (!current) return;
      setLoaded(result.ok ? { status: 'ready', data: result.data } : { status: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [path, watchKey]);
  return loaded;
}

/**
 * Saves an export as a file. Observers cannot follow a plain link (their key goes in a header),
 * so the file is fetched and handed to the browser as a download.
 */
export async function download(path: string, reader: RecordReader, filename: string): Promise<boolean> {
  const response = await fetch(path, { credentials: 'same-origin', headers: readerHeaders(reader) }).catch(() => null);
  if (!response?.ok) return false;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
  return true;
}
