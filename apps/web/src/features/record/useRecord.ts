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
