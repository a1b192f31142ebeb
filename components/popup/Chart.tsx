/** Activities per week over the last 12 weeks: a small hand-drawn SVG bar chart. */
import { useId } from 'react';
import type { WeekBar } from './data';
import { shortDay } from './format';

export function ActivityChart({ bars }: { bars: WeekBar[] | undefined }) {
  const headingId = useId();
  if (!bars) return null;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const total = bars.reduce((s, b) => s + b.count, 0);
  const W = 340, H = 64, gap = 4, bw = (W - gap * 11) / 12;
  const summary = `Activities per week, last 12 weeks: ${bars.map((b) => `week of ${shortDay(b.start)}: ${b.count}`).join('; ')}.`;
  return (
    <section className="p-section" aria-labelledby={headingId}>
      <div className="p-section-head">
        <h2 id={headingId}>Last 12 weeks</h2>
        <span className="p-muted p-small">{total} {total === 1 ? 'activity' : 'activities'}</span>
      </div>
      {total === 0 ? (
        <p className="p-muted p-small">Nothing logged yet. Connections, group posts, events and shared expertise will add up here week by week.</p>
      ) : (
        <svg className="p-chart" viewBox={`0 0 ${W} ${H + 14}`} role="img" aria-label={summary} data-testid="activity-chart">
          {bars.map((b, i) => {
            const h = b.count ? Math.max(3, Math.round((b.count / max) * H)) : 1;
            const x = i * (bw + gap);
            const current = i === bars.length - 1;
            return (
              <g key={b.start}>
                <title>{`Week of ${shortDay(b.start)}: ${b.count}`}</title>
                <rect x={x} y={H - h} width={bw} height={h} rx={3} className={current ? 'p-chart-now' : b.count ? 'p-chart-bar' : 'p-chart-zero'} />
                {b.count > 0 && h > 14 && <text x={x + bw / 2} y={H - h + 11} textAnchor="middle" className="p-chart-in">{b.count}</text>}
              </g>
            );
          })}
          <text x={0} y={H + 12} className="p-chart-axis">{shortDay(bars[0]!.start)}</text>
          <text x={W} y={H + 12} textAnchor="end" className="p-chart-axis">this week</text>
        </svg>
      )}
    </section>
  );
}
