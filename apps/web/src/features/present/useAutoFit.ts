import { useLayoutEffect, useRef } from 'react';
import { largestFit } from './view.ts';

/** Whether any block inside `box` is wider than itself (a word longer than its line), which the box's own size misses when it spills only into the padding. */
function innerOverflow(box: HTMLElement): boolean {
  for (const element of box.querySelectorAll<HTMLElement>('*'))
    if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) return true;
  return false;
}

/**
 * Grows or shrinks the type of one box of present mode so it fills the box without overflowing:
 * sets `--fit` on the box (its CSS sizes type as `calc(var(--fit) * …)`) to the largest scale at
 * which nothing inside overflows, again whenever the box is resized or its content changes.
 * `stickToEnd`: when even the smallest scale overflows, show the end (the newest words); such a
 * box (the live text, with co-editors' carets drawn outside the lines) is measured as a whole only.
 */
export function useAutoFit<T extends HTMLElement>({
  min = 0.5,
  max = 3,
  stickToEnd = false,
}: { min?: number; max?: number; stickToEnd?: boolean } = {}) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    let frame = 0;
    const fits = (scale: number) => {
      box.style.setProperty('--fit', String(scale));
      // The live text wraps, and co-editors' carets may poke out sideways: only its height counts.
      if (box.scrollHeight > box.clientHeight + 1) return false;
      return stickToEnd || (box.scrollWidth <= box.clientWidth + 1 && !innerOverflow(box));
    };
    const fit = () => {
      frame = 0;
      const scale = largestFit(fits, min, max);
      box.style.setProperty('--fit', String(scale));
      if (stickToEnd) box.scrollTop = box.scrollHeight;
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(fit);
    };
    fit();
    const resized = new ResizeObserver(later);
    resized.observe(box);
    const changed = new MutationObserver(later);
    changed.observe(box, { subtree: true, childList: true, characterData: true });
    return () => {
      resized.disconnect();
      changed.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [min, max, stickToEnd]);
  return ref;
}
