import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import * as msgpack from 'socket.io-msgpack-parser';

/**
 * The floor: a bare Socket.IO broadcast server, msgpack parser (one frame per binary emit), no
 * Yjs and no persistence. With REDIS_URL, the Redis adapter relays broadcasts between nodes.
 */
const http = createServer((_req, res) => res.end('okay'));
let adapter;
if (process.env.REDIS_URL) {
  const pub = createClient({ url: process.env.REDIS_URL });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  adapter = createAdapter(pub, sub, { key: process.env.REDIS_PREFIX ?? 'sio' });
}
const io = new Server(http, {
  parser: msgpack,
  transports: ['websocket'],
  serveClient: false,
  perMessageDeflate: false,
  ...(adapter ? { adapter } : {}),
});
io.on('connection', (socket) => {
  socket.on('join', (room: string, ack?: () => void) => {
    void socket.join(room);
    ack?.();
  });
  socket.on('u', (payload: { room: string; u: Uint8Array }, ack?: () => void) => {
    socket.to(payload.room).emit('u', payload);
    ack?.();
  });
});
http.listen(Number(process.env.PORT), '127.0.0.1');
