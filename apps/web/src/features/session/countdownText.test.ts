import type { AgendaItemView } from '@moot/protocol';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import '../../i18n/index.ts';
import { ItemCountdown } from './Countdown.tsx';

const running: AgendaItemView = {
  id: 'i',
  position: 0,
  title: 'Welcome',
  kind: 'learn',
  plannedMinutes: 5,
  standardIds: [],
  caseId: null,
  status: 'running',
  endsAt: 298_000,
  remainingMs: null,
};

/** The text a reader sees, tags dropped. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the countdown', () => {
  it('shows the time once, inside its sentence ("4:58 left", not "4:58 4:58 left")', () => {
    const html = renderToStaticMarkup(createElement(ItemCountdown, { item: running, serverNow: 0 }));
    expect(textOf(html)).toBe('4:58 left');
    expect(html).toContain('<span class="countdown-digits">4:58</span>');
    const paused = { ...running, status: 'paused' as const, endsAt: null, remainingMs: 62_000 };
    expect(textOf(renderToStaticMarkup(createElement(ItemCountdown, { item: paused, serverNow: 0 })))).toBe(
      'Paused, 1:02 left',
    );
  });
});
