import { scaleLinear } from '@visx/scale';
import { Line, LinePath } from '@visx/shape';
import './charts.css';

interface Props {
  /** The text alternative: what the line shows, in words (first, last, range). */
  label: string;
  /** Points in order; x is any increasing number (time), y between yMin and yMax. */
  points: readonly { x: number; y: number }[];
  yMin?: number;
  yMax?: number;
}

/** A small line (a trend over time, drawn with visx) as one image with a text alternative; pages add a table of the same values. */
export function LineChart({ label, points, yMin = 0, yMax = 1 }: Props) {
  const xs = points.map((p) => p.x);
  const x0 = Math.min(...xs);
  const x = scaleLinear<number>({ domain: [x0, x0 + Math.max(1, Math.max(...xs) - x0)], range: [0, 100] });
  const y = scaleLinear<number>({ domain: [yMin, yMax === yMin ? yMin + 1 : yMax], range: [40, 0], clamp: true });
  const only = points.length === 1 ? points[0]! : null;
  return (
    <svg className="line-chart" viewBox="0 -2 100 44" preserveAspectRatio="none" role="img" aria-label={label}>
      <Line from={{ x: 0, y: 40 }} to={{ x: 100, y: 40 }} className="line-chart-axis" />
      {only ? (
        <Line from={{ x: 0, y: y(only.y) }} to={{ x: 100, y: y(only.y) }} className="line-chart-line" />
      ) : (
        <LinePath data={[...points]} x={(p) => x(p.x)} y={(p) => y(p.y)} className="line-chart-line" />
      )}
    </svg>
  );
}
