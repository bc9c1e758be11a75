import { SUPPORT_SCALE } from '@moot/protocol';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear, scaleOrdinal } from '@visx/scale';
import { BarStackHorizontal, Line } from '@visx/shape';
import { useTranslation } from 'react-i18next';
import './strings.ts';
import { answerOf, DIVERGING_KEYS, divergingSegments, type DivergingKey } from './view.ts';
import './finalBallot.css';

export interface SupportChartRow {
  key: string;
  label: string;
  counts: readonly number[];
  supported: boolean;
}

const WIDTH = 400;
const HEIGHT = 24;
const ROW = 'row';
// Percent of the answers: disagreement to the left of 0, agreement to the right.
const x = scaleLinear<number>({ domain: [-100, 100], range: [0, WIDTH] });
const y = scaleBand<string>({ domain: [ROW], range: [0, HEIGHT], padding: 0.1 });
// Segments are styled by class (finalBallot.css); the scale names each key's class.
const segmentClass = scaleOrdinal<DivergingKey, string>({
  domain: [...DIVERGING_KEYS],
  range: DIVERGING_KEYS.map((key) => `diverging-${answerOf(key)}`),
});

/**
 * Diverging stacked bars, one per recommendation, drawn with visx: strongly disagree and disagree
 * to the left of the centre line, agree and strongly agree to the right, "neither" split across
 * the line; each bar is the answers given, as shares. One image to assistive technology, named by
 * every count in words; the page shows the same counts as a table.
 */
export default function SupportChart({
  title,
  rows,
  large = false,
}: {
  title: string;
  rows: readonly SupportChartRow[];
  large?: boolean;
}) {
  const { t } = useTranslation();
  const words = (counts: readonly number[]) =>
    SUPPORT_SCALE.map((point, i) => `${t(`finalBallot.scale.${point}`)} ${counts[i] ?? 0}`).join(', ');
  const label = `${title}. ${rows.map((row) => t('finalBallot.chartRow', { title: row.label, answers: words(row.counts) })).join('; ')}`;
  return (
    <figure className={large ? 'diverging-chart diverging-chart-large' : 'diverging-chart'} data-testid="support-chart">
      <figcaption>{title}</figcaption>
      <ul className="diverging-legend" aria-hidden="true">
        {[...SUPPORT_SCALE].reverse().map((point) => (
          <li key={point}>
            <span className={`diverging-swatch diverging-${point}`} />
            {t(`finalBallot.scale.${point}`)}
          </li>
        ))}
      </ul>
      <div role="img" aria-label={label} className="diverging-rows">
        {rows.map((row) => (
          <div key={row.key} className="diverging-row" data-key={row.key} data-supported={row.supported}>
            <span className="diverging-label" aria-hidden="true">
              {row.label}
            </span>
            <svg
              className="diverging-bar"
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              preserveAspectRatio="none"
              aria-hidden="true"
            >
              <Group>
                <BarStackHorizontal
                  data={[{ ...divergingSegments(row.counts), row: ROW }]}
                  keys={[...DIVERGING_KEYS]}
                  y={(d) => d.row}
                  xScale={x}
                  yScale={y}
                  color={(key) => segmentClass(key)}
                  offset="diverging"
                >
                  {(stacks) =>
                    stacks.flatMap((stack) =>
                      stack.bars.map((bar) => (
                        <rect
                          key={`${stack.key}-${bar.index}`}
                          x={bar.x}
                          y={bar.y}
                          width={Math.max(0, bar.width)}
                          height={bar.height}
                          className={`diverging-segment ${bar.color}`}
                          data-segment={stack.key}
                        />
                      )),
                    )
                  }
                </BarStackHorizontal>
                <Line from={{ x: x(0), y: 0 }} to={{ x: x(0), y: HEIGHT }} className="diverging-centre" />
              </Group>
            </svg>
          </div>
        ))}
      </div>
    </figure>
  );
}
