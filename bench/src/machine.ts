import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Measurement } from './measure.ts';
import { REPO_ROOT } from './procs.ts';

const version = (pkg: string): string => {
  try {
    return (
      JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }
    ).version;
  } catch {
    return 'unknown';
  }
};

export function machine() {
  return {
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    versions: {
      node: process.version,
      yjs: version('yjs'),
      'socket.io': version('socket.io'),
      'socket.io-msgpack-parser': version('socket.io-msgpack-parser'),
      '@hocuspocus/server': version('@hocuspocus/server'),
      '@hocuspocus/extension-redis': version('@hocuspocus/extension-redis'),
      '@y/websocket-server': version('@y/websocket-server'),
      ws: version('ws'),
      redis: version('redis'),
    },
  };
}

export type Run = {
  date: string;
  durationS: number;
  command: string;
  quick: boolean;
  taskset: string;
  machine: ReturnType<typeof machine>;
  measurements: Measurement[];
  /** A report merged from several stored runs (`--report=a.json,b.json`): each run, by date and command. */
  sources?: string[];
};
