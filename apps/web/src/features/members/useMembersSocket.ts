import { NAMESPACES, PROTOCOL_VERSION, TRANSPORTS, wireParser, type AssemblyHandshake } from '@moot/protocol';
import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import type { AssemblySocket } from '../../collab/transport.ts';

/** A connection for the members pages: commands only (no documents), authenticated by the session cookie. */
export function useMembersSocket(): { socket: AssemblySocket | null; connected: boolean } {
  const [socket, setSocket] = useState<AssemblySocket | null>(null);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const auth: AssemblyHandshake = { protocol: PROTOCOL_VERSION };
    const opened: AssemblySocket = io(NAMESPACES.assembly, {
      transports: TRANSPORTS,
      parser: wireParser,
      auth,
      withCredentials: true,
    });
    const up = () => setConnected(true);
    const down = () => setConnected(false);
    opened.on('connect', up);
    opened.on('disconnect', down);
    setSocket(opened);
    return () => {
      opened.off('connect', up);
      opened.off('disconnect', down);
      opened.disconnect();
      setSocket(null);
    };
  }, []);
  return { socket, connected };
}

/** The bytes of a chosen file, as the server reads them (the encoding is checked there). */
export async function fileBytes(file: File): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await file.arrayBuffer());
}

/** A share (0–1) as a whole-number-ish percentage for reading. */
export const percent = (share: number): string => String(Math.round(share * 1000) / 10);
