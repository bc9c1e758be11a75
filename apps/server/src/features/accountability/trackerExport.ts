import type { AssemblyView, MarkdownLanguage, Tracker } from '@moot/protocol';
import { escapeMarkdown } from '../../collab/documentText.ts';
import type { Queryable } from '../../storage/database.ts';
import { readTracker } from './trackerStore.ts';
import { wordingIn } from '../exports/words.ts';

/** The tracker as a download: the same public data as the watch page, with the assembly and when. */
export interface TrackerExport extends Tracker {
  assembly: { title: string; charge: string };
  exportedAt: string;
}

export async function exportTracker(db: Queryable, assembly: AssemblyView): Promise<TrackerExport> {
  return {
    assembly: { title: assembly.title, charge: assembly.charge },
    exportedAt: new Date().toISOString(),
    ...(await readTracker(db, assembly.id)),
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The tracker in Markdown, in the language asked for: each adopted standard, its response (or its absence) and its progress. */
export function trackerMarkdown(tracker: TrackerExport, language: MarkdownLanguage = 'en'): string {
  const e = escapeMarkdown;
  const { headings: HEADINGS, words } = wordingIn(language);
  const lines = [
    HEADINGS.tracker(e(tracker.assembly.title)),
    '',
    `> ${e(tracker.assembly.charge)}`,
    '',
    words.exported(tracker.exportedAt),
    '',
    tracker.reportedAt === null ? words.notAsked : words.handedOver(iso(tracker.reportedAt)),
    '',
  ];
  if (tracker.standards.length === 0) lines.push(words.noAdopted, '');
  for (const s of tracker.standards) {
    lines.push(HEADINGS.trackedStandard(e(s.title)), '');
    const r = s.response;
    if (!r) {
      lines.push(words.noResponse, '');
      continue;
    }
    lines.push(words.responded(words.stances[r.stance], e(r.by), iso(r.publishedAt)));
    if (r.revisedAt !== null) lines.push(words.changed(iso(r.revisedAt)));
    lines.push(
      '',
      HEADINGS.responseReasons,
      '',
      e(r.reasons),
      '',
      HEADINGS.responseTimeline,
      '',
      e(r.timeline),
      '',
      HEADINGS.responseProgress,
      '',
    );
    if (s.updates.length === 0) lines.push(words.noProgress, '');
    for (const u of s.updates) {
      // Links are validated http(s) addresses, normalised so they cannot close the <…> around them.
      const links = u.links.map((l) => ` <${l}>`).join('');
      lines.push(`- ${u.on}: ${words.states[u.state]}: ${e(u.note)}${links}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
