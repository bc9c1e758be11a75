import { scaleLinear } from '@visx/scale';
import { Bar as Rect } from '@visx/shape';
import { useId } from 'react';
import './charts.css';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The value as words/numbers to print next to the bar ("3 ballots", "4 min 20 s"). */
  valueText: string;
  /** Marks a bar (the winner, a member who has not spoken) with a pattern as well as colour. */
  highlight?: boolean;
}

interface Props {
  /** What the chart shows; also the start of its text alternative. */
  title: string;
  bars: readonly Bar[];
  /** The value of a full-width bar (default: the largest value). */
  max?: number;
  testId?: string;
}

/**
 * Horizontal bars, one row per item: a label, an SVG bar (visx) and the value in text. The whole chart
 * is one image to assistive technology (`role="img"`), named by its title and every value in
 * words; pages also show a table of the same figures. Bars never rely on colour alone: the
 * value is printed beside each. Shared: use it for any count or duration.
 */
export function BarChart({ title, bars, max, testId }: Props) {
  const id = useId();
  const top = max ?? Math.max(0, ...bars.map((b) => b.value));
  // A full bar is 100 units of its viewBox; nothing is drawn past it, and an all-zero chart draws nothing.
  const length = scaleLinear<number>({ domain: [0, top > 0 ? top : 1], range: [0, 100], clamp: true });
  const summary = `${title}: ${bars.map((b) => `${b.label} ${b.valueText}`).join('; ')}`;
  return (
    <figure className="bar-chart" data-testid={testId}>
      <figcaption id={`${id}-caption`} className="bar-chart-title">
        {title}
      </figcaption>
      <div role="img" aria-label={summary} className="bar-chart-rows">
        {bars.map((bar) => {
          const width = top > 0 ? Math.max(0, length(bar.value)) : 0;
          return (
            <div key={bar.key} className="bar-chart-row" data-key={bar.key} data-value={bar.value}>
              <span className="bar-chart-label">{bar.label}</span>
              <svg className="bar-chart-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                <Rect x={0} y={0} width={100} height={10} className="bar-chart-track" />
                <Rect
                  x={0}
                  y={0}
                  width={width}
                  height={10}
                  className={bar.highlight ? 'bar-chart-fill bar-chart-fill-marked' : 'bar-chart-fill'}
                />
              </svg>
              <span className="bar-chart-value">{bar.valueText}</span>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
