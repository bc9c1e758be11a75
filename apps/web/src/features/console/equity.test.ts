import type { EquitySummary } from '@moot/protocol';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../i18n/index.ts';
import { giniLine } from './equity.ts';
import { EquityView } from './EquityView.tsx';

const row = (participantId: string, spokenMsThisSession: number) => ({
  participantId,
  name: participantId,
  turnsThisSession: spokenMsThisSession > 0 ? 1 : 0,
  spokenMsThisSession,
  turnsOverall: 0,
  spokenMsOverall: spokenMsThisSession,
});

const summary = (over: Partial<EquitySummary>): EquitySummary => ({
  rows: [row('Ada', 60_000), row('Ben', 0)],
  shareWhoSpoke: 0.5,
  gini: 0.5,
  giniSeries: [{ at: 1_000, gini: 0.5 }],
  ...over,
});

describe('the Gini line the console draws', () => {
  it('is the server’s line, with "now" added only where the value moved since its last point', () => {
    expect(giniLine(summary({}), 9_000)).toEqual([{ at: 1_000, gini: 0.5 }]);
    expect(giniLine(summary({ gini: 0.3 }), 9_000)).toEqual([
      { at: 1_000, gini: 0.5 },
      { at: 9_000, gini: 0.3 },
    ]);
  });

  it('is "now" alone while the first turn is under way, and nothing before anyone spoke or with nobody in', () => {
    expect(giniLine(summary({ giniSeries: [], gini: 0.5 }), 9_000)).toEqual([{ at: 9_000, gini: 0.5 }]);
    expect(giniLine(summary({ giniSeries: [], gini: 0, shareWhoSpoke: 0 }), 9_000)).toEqual([]);
    expect(giniLine(summary({ rows: [], giniSeries: [], gini: 0, shareWhoSpoke: 0 }), 9_000)).toEqual([]);
  });
});

describe('the equity view', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('draws the server’s points, the same on a fresh page with nothing kept in the browser', () => {
    // A page that can keep nothing (a reload on another device): the line is all the server's.
    vi.stubGlobal('sessionStorage', undefined);
    const equity = summary({
      gini: 0.25,
      giniSeries: [
        { at: Date.UTC(2026, 0, 1, 18, 0), gini: 0.5 },
        { at: Date.UTC(2026, 0, 1, 18, 5), gini: 0.1 },
      ],
    });
    const html = renderToStaticMarkup(
      createElement(EquityView, { equity, serverNow: Date.UTC(2026, 0, 1, 18, 9), offset: 0 }),
    );
    expect(html).toContain('data-gini="0.250"');
    // The line: three points (the server's two, then now), 0.5 then 0.1 then 0.25 on a 0–1 scale.
    const path = /class="visx-linepath line-chart-line" d="([^"]+)"/.exec(html)?.[1];
    expect(path?.match(/[ML]/g)).toHaveLength(3);
    // Its table: the two points the server kept and "now".
    expect(
      html.match(/<tr><td>[^<]*<\/td><td>[\d.]+<\/td><\/tr>/g)?.map((r) => r.replace(/<td>[^<]*<\/td>/, '')),
    ).toEqual(['<tr><td>0.50</td></tr>', '<tr><td>0.10</td></tr>', '<tr><td>0.25</td></tr>']);
  });
});
