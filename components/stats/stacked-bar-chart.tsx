import { APPLICATION_STATUSES, STATUS_LABELS } from "@/lib/status";
import type { MonthCounts } from "@/lib/stats/queries";
import { STATUS_CHART_COLORS } from "@/components/stats/chart-colors";

const WIDTH = 720;
const HEIGHT = 300;
// The scale on both sides: a phone opens the chart scrolled to its right end (the latest months),
// where a left-hand scale alone is out of view.
const MARGIN = { top: 12, right: 44, bottom: 44, left: 44 };

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten. */
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((bound) => bound >= value)!;
}

// The usual French abbreviations, for axis labels under narrow bars.
const SHORT_MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const shortMonth = (key: string) => {
  const [year, month] = key.split("-");
  return { month: SHORT_MONTHS[Number(month) - 1]!, year: year! };
};

/**
 * Applications per month, stacked by status: plain SVG drawn on the server (no script). The
 * picture is summarised in its label; the figures are in the table that follows it.
 */
export function StackedBarChart({ months, summary }: { months: MonthCounts[]; summary: string }) {
  const totals = months.map((month) => APPLICATION_STATUSES.reduce((sum, status) => sum + month.counts[status], 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / months.length;
  const barWidth = Math.min(48, slot * 0.7);
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, max / 4, max / 2, (3 * max) / 4, max];

  return (
    <div className="stats-chart">
      {/* On a phone the chart keeps a readable size and scrolls sideways in its own box (keyboard too). */}
      <div className="stats-chart__scroller" tabIndex={0} role="region" aria-label="Graphique des candidatures par mois">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="stats-chart__svg">
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="stats-chart__grid" />
              {(["end", "start"] as const).map((anchor) => (
                <text
                  key={anchor}
                  x={anchor === "end" ? MARGIN.left - 6 : WIDTH - MARGIN.right + 6}
                  y={y(tick)}
                  textAnchor={anchor}
                  dominantBaseline="middle"
                  className="stats-chart__axis"
                  data-testid={anchor === "start" ? "chart-scale-right" : undefined}
                >
                  {Number.isInteger(tick) ? tick.toLocaleString("fr-FR") : ""}
                </text>
              ))}
            </g>
          ))}
          {months.map((month, index) => {
            const x = MARGIN.left + index * slot + (slot - barWidth) / 2;
            let base = 0;
            const { month: name, year } = shortMonth(month.month);
            return (
              <g key={month.month}>
                {APPLICATION_STATUSES.map((status) => {
                  const count = month.counts[status];
                  if (!count) return null;
                  const top = y(base + count);
                  const height = y(base) - top;
                  base += count;
                  return (
                    <rect
                      key={status}
                      x={x}
                      y={top}
                      width={barWidth}
                      height={height}
                      style={{ fill: STATUS_CHART_COLORS[status] }}
                      className="stats-chart__bar"
                    />
                  );
                })}
                <text x={x + barWidth / 2} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" className="stats-chart__axis">
                  {name}
                </text>
                <text x={x + barWidth / 2} y={HEIGHT - MARGIN.bottom + 32} textAnchor="middle" className="stats-chart__axis">
                  {year}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <ul className="stats-legend" aria-label="Légende">
        {APPLICATION_STATUSES.map((status) => (
          <li key={status}>
            <span className="stats-legend__swatch" style={{ background: STATUS_CHART_COLORS[status] }} aria-hidden="true" />
            {STATUS_LABELS[status]}
          </li>
        ))}
      </ul>
    </div>
  );
}
