import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart } from './BarChart.tsx';
import { LineChart } from './LineChart.tsx';

const bars = [
  { key: 'yes', label: 'Yes', value: 6, valueText: '6 · 75%', highlight: true },
  { key: 'no', label: 'No', value: 2, valueText: '2 · 25%' },
  { key: 'abstain', label: 'Abstain', value: 0, valueText: '0 · 0%' },
];

describe('the shared bar chart', () => {
  const html = renderToStaticMarkup(createElement(BarChart, { title: 'Ballots per choice', bars }));

  it('is one image named with its title and every value in words', () => {
    expect(html).toContain('role="img" aria-label="Ballots per choice: Yes 6 · 75%; No 2 · 25%; Abstain 0 · 0%"');
    // The SVG bars themselves are hidden: the name says it all.
    expect(html.match(/<svg[^>]*aria-hidden="true"/g)).toHaveLength(3);
  });

  it('draws each bar in proportion to the largest (or to the given maximum) and prints its value', () => {
    expect(html).toMatch(/class="visx-bar bar-chart-fill bar-chart-fill-marked" x="0" y="0" width="100" height="10"/);
    expect(html).toMatch(/class="visx-bar bar-chart-fill" x="0" y="0" width="33\.3\d*" height="10"/);
    expect(html).toMatch(/class="visx-bar bar-chart-fill" x="0" y="0" width="0" height="10"/);
    expect(html).toContain('<span class="bar-chart-value">2 · 25%</span>');
    const half = renderToStaticMarkup(createElement(BarChart, { title: 'x', bars: bars.slice(1, 2), max: 4 }));
    expect(half).toMatch(/class="visx-bar bar-chart-fill" x="0" y="0" width="50" height="10"/);
  });

  it('draws empty bars, not NaN, when everything is zero', () => {
    const zero = renderToStaticMarkup(
      createElement(BarChart, { title: 'Speaking time', bars: [{ key: 'a', label: 'A', value: 0, valueText: '0 s' }] }),
    );
    expect(zero).not.toContain('NaN');
  });
});

describe('the shared line chart', () => {
  it('is one image with its text alternative and a path through the points', () => {
    const html = renderToStaticMarkup(
      createElement(LineChart, {
        label: 'Gini over the sitting: first 0, now 0.5',
        points: [
          { x: 0, y: 0 },
          { x: 10, y: 0.5 },
        ],
      }),
    );
    expect(html).toContain('role="img" aria-label="Gini over the sitting: first 0, now 0.5"');
    expect(html).toContain('d="M0,40L100,20"');
    expect(renderToStaticMarkup(createElement(LineChart, { label: 'one', points: [{ x: 5, y: 1 }] }))).not.toContain(
      'NaN',
    );
  });
});
