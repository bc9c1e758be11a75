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

/** How an item's actual time compares with its plan: over by more than a minute, under, or on time. */
export function timing(plannedMinutes: number, actualSeconds: number | null): 'not_run' | 'over' | 'under' | 'on_time' {
  if (actualSeconds === null) return 'not_run';
  const difference = actualSeconds - plannedMinutes * 60;
  if (difference > 60) return 'over';
  if (difference < -60) return 'under';
  return 'on_time';
}
