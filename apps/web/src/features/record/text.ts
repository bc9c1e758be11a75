/**
 * The charter export's text is plain text (Markdown is only in the .md): paragraphs are the
 * blank-line-separated blocks, shown as typed — backslashes and all.
 */
export function plainParagraphs(text: string): string[] {
  return text
    .split(/\n{2,}/)
    .map((block) => block.trim())
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
