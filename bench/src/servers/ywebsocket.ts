import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { setPersistence, setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';

/**
 * `@y/websocket-server` 0.1.1 (the last Yjs-13 build). Its LevelDB persistence needs a native
 * module, so documents persist as a state file written when the last client leaves (and read
 * at load): no per-update durability, which the report says.
 */
const dataDir = process.env.DATA_DIR!;
const file = (name: string) => path.join(dataDir, encodeURIComponent(name) + '.bin');
setPersistence({
  provider: null,
  bindState: async (name: string, doc: Y.Doc) => {
    if (existsSync(file(name))) Y.applyUpdate(doc, readFileSync(file(name)));
  },
  writeState: async (name: string, doc: Y.Doc) => {
    writeFileSync(file(name), Y.encodeStateAsUpdate(doc));
  },
});

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (conn, req) => setupWSConnection(conn, req));
const server = createServer((_req, res) => res.end('okay'));
server.on('upgrade', (req, socket, head) =>
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)),
);
server.listen(Number(process.env.PORT), '127.0.0.1');
