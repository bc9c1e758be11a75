import type { ProtocolError } from '@moot/protocol';
import { useEffect, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { connectionState } from './connection.ts';
import type { ConnectionState } from './connection.ts';
import { retryRefusedHandshakes } from './handshakeRetry.ts';

export interface Connection {
  state: ConnectionState;
  /** False until the first successful connection: the UI says "connecting", not "reconnecting". */
  everConnected: boolean;
  refusal: ProtocolError | null;
}

/** A server that drops us (e.g. as a slow consumer) expects us back after a pause. */
const REJOIN_AFTER_SERVER_DISCONNECT_MS = 1000;

export function useConnection(socket: Socket | null): Connection {
  const [connected, setConnected] = useState(false);
  const [everConnected, setEverConnected] = useState(false);
  const [online, setOnline] = useState(() => navigator.onLine);
  const [refusal, setRefusal] = useState<ProtocolError | null>(null);

  useEffect(() => {
    const goOnline = () => setOnline(true);
    const goOffline = () => setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
    };
  }, []);

  useEffect(() => {
    if (!socket) return;
    let rejoin: ReturnType<typeof setTimeout> | undefined;
    const onConnect = () => {
      setConnected(true);
      setEverConnected(true);
      setRefusal(null);
    };
    const onDisconnect = (reason: Socket.DisconnectReason) => {
      setConnected(false);
      if (reason === 'io server disconnect')
        rejoin = setTimeout(() => socket.connect(), REJOIN_AFTER_SERVER_DISCONNECT_MS);
    };
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    const stopRetrying = retryRefusedHandshakes(socket, (refused) => {
      setConnected(false);
      setRefusal(refused);
    });
    setConnected(socket.connected);
    return () => {
      clearTimeout(rejoin);
      stopRetrying();
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
    };
  }, [socket]);

  return { state: connectionState({ connected, online, refusal }), everConnected, refusal };
}
