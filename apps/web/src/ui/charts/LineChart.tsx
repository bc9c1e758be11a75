import './charts.css';

interface Props {
  /** The text alternative: what the line shows, in words (first, last, range). */
  label: string;
  /** Points in order; x is any increasing number (time), y between yMin and yMax. */
  points: readonly { x: number; y: number }[];
  yMin?: number;
  yMax?: number;
}

/** A small line (a trend over time) as one image with a text alternative; pages add a table of the same values. */
export function LineChart({ label, points, yMin = 0, yMax = 1 }: Props) {
  const xs = points.map((p) => p.x);
  const x0 = Math.min(...xs);
  const span = Math.max(1, Math.max(...xs) - x0);
  const toX = (x: number) => (points.length < 2 ? 100 : ((x - x0) / span) * 100);
  const toY = (y: number) => 40 - ((Math.min(yMax, Math.max(yMin, y)) - yMin) / (yMax - yMin || 1)) * 40;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${toX(p.x).toFixed(2)},${toY(p.y).toFixed(2)}`).join(' ');
  return (
    <svg className="line-chart" viewBox="0 -2 100 44" preserveAspectRatio="none" role="img" aria-label={label}>
      <line x1="0" y1="40" x2="100" y2="40" className="line-chart-axis" />
      {points.length === 1 ? (
        <line x1="0" x2="100" y1={toY(points[0]!.y)} y2={toY(points[0]!.y)} className="line-chart-line" />
      ) : (
        <path d={path} className="line-chart-line" />
      )}
    </svg>
  );
}
