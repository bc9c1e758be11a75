import { useEffect, useState } from 'react';

const TICK_MS = 250;

/**
 * The server's clock as this tab estimates it (local clock + measured offset), re-read four
 * times a second while `active`, so a countdown changes its second within 250 ms of the server.
 */
export function useServerNow(offset: number, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [active]);
  return now + offset;
}
