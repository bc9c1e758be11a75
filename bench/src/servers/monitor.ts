import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Preloaded into every server process (`--import`), Moot included, so every system's event-loop
 * delay and heap are measured the same way without touching its code. Answers the runner over IPC.
 */
// The histogram holds whole timer intervals, so the 10 ms resolution is subtracted to get the delay.
const RESOLUTION_MS = 10;
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
delay.enable();
const gc = (globalThis as { gc?: () => void }).gc;

process.on('message', (msg: { type?: string; id?: number; gc?: boolean; reset?: boolean }) => {
  if (msg.type !== 'sample') return;
  if (msg.gc && gc) {
    gc();
    gc();
  }
  const memory = process.memoryUsage();
  process.send?.({
    type: 'sample',
    id: msg.id,
    heapUsed: memory.heapUsed,
    rss: memory.rss,
    loopP99: Math.max(0, delay.percentile(99) / 1e6 - RESOLUTION_MS),
    loopMax: Math.max(0, delay.max / 1e6 - RESOLUTION_MS),
  });
  if (msg.reset) delay.reset();
});
// The IPC channel must not keep a server alive that wants to exit, nor make it exit when the runner goes.
process.channel?.unref();

// BENCH_PROFILE=1: a CPU profile of the measured window, through the inspector (no restart, no signal).
const profiler = process.env.BENCH_PROFILE ? new Session() : null;
process.on('message', (msg: { type?: string; file?: string }) => {
  if (!profiler) return;
  if (msg.type === 'profile-start') {
    profiler.connect();
    profiler.post('Profiler.enable', () => profiler.post('Profiler.start'));
  } else if (msg.type === 'profile-stop' && msg.file) {
    profiler.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(msg.file!, JSON.stringify(result.profile));
      profiler.disconnect();
    });
  }
});
