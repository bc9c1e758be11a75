/**
 * The exports write Markdown with everything people typed escaped; the printed page shows the
 * words themselves. Paragraphs are the blank-line-separated blocks; list and heading markers
 * stay, as they read well on paper.
 */
export function markdownParagraphs(markdown: string): string[] {
  return markdown
    .split(/\n{2,}/)
    .map((block) => block.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1').trim())
    .filter((block) => block.length > 0);
}

/** Seconds as m:ss (or h:mm:ss from an hour). */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** How an item's actual time compares with its plan: over by more than a minute, under, or on time. */
export function timing(plannedMinutes: number, actualSeconds: number | null): 'not_run' | 'over' | 'under' | 'on_time' {
  if (actualSeconds === null) return 'not_run';
  const difference = actualSeconds - plannedMinutes * 60;
  if (difference > 60) return 'over';
  if (difference < -60) return 'under';
  return 'on_time';
}
