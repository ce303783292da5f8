import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { when } from './format';
import { tickFormatter, trendSummary, type TrendPoint } from './trend';
import { useChartColours } from './use-theme-colours';

/**
 * Score per run, oldest to newest (line, left axis 0–100), with its danger and warning counts (bars,
 * right axis). One slot per run, so runs minutes apart stay as readable as runs days apart.
 */
export function TrendChart({ points, onPick }: { points: TrendPoint[]; onPick?(runId: string): void }) {
  const c = useChartColours();
  const tick = tickFormatter(points);
  const axis = { stroke: c.muted, tick: { fill: c.muted, fontSize: 12 } };
  return (
    <figure className="in-chart" data-testid="trend-chart">
      <div className="in-chart-box">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={points}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            onClick={(state) => {
              const i =
                typeof state?.activeTooltipIndex === 'number'
                  ? state.activeTooltipIndex
                  : Number(state?.activeTooltipIndex);
              const p = Number.isInteger(i) ? points[i] : undefined;
              if (p && onPick) onPick(p.runId);
            }}
          >
            <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
            <XAxis dataKey="at" type="category" tickFormatter={tick} minTickGap={24} {...axis} />
            <YAxis
              yAxisId="score"
              domain={[0, 100]}
              width={36}
              {...axis}
              label={{ value: 'Score', angle: -90, position: 'insideLeft', fill: c.muted, fontSize: 12 }}
            />
            <YAxis
              yAxisId="count"
              orientation="right"
              allowDecimals={false}
              width={52}
              {...axis}
              label={{ value: 'Findings', angle: 90, position: 'insideRight', fill: c.muted, fontSize: 12 }}
            />
            <Tooltip
              labelFormatter={(at) => when(new Date(Number(at)).toISOString())}
              contentStyle={{ background: c.surface, border: `1px solid ${c.grid}`, color: c.fg }}
              labelStyle={{ color: c.fg }}
            />
            <Legend wrapperStyle={{ color: c.fg, fontSize: 12 }} />
            <Bar
              yAxisId="count"
              dataKey="danger"
              name="Danger"
              fill={c.danger}
              maxBarSize={18}
              isAnimationActive={false}
            />
            <Bar
              yAxisId="count"
              dataKey="warning"
              name="Warning"
              fill={c.warning}
              maxBarSize={18}
              isAnimationActive={false}
            />
            <Line
              yAxisId="score"
              dataKey="score"
              name="Score"
              stroke={c.accent}
              strokeWidth={2}
              dot={{ r: 3, fill: c.accent }}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="in-muted" data-testid="trend-summary">
        {trendSummary(points)}
      </figcaption>
    </figure>
  );
}
