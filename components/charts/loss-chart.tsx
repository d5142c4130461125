"use client";

import { CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Scatter, XAxis, YAxis } from "recharts";
import type { LossChartModel } from "@/lib/charts/prepare-loss-chart";
import { tickLabels } from "@/lib/charts/chart-frame";

/** Draws a prepared loss-axis chart (prepareLossChart): the x axis reversed, lower loss to the right. */
export function LossChart({ chart, height = 320 }: { chart: LossChartModel; height?: number }) {
  return (
    <figure className="chart" role="img" aria-label={chart.title} data-testid="loss-chart">
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart margin={{ top: 16, right: 24, bottom: 32, left: 16 }}>
          <CartesianGrid strokeDasharray="2 4" />
          <XAxis type="number" dataKey="x" scale="log" reversed domain={chart.xDomain} ticks={chart.xTicks.map((t) => t.value)}
            tickFormatter={tickLabels(chart.xTicks)} allowDataOverflow label={{ value: chart.xLabel, position: "insideBottom", offset: -16 }} />
          <YAxis type="number" domain={chart.yDomain} ticks={chart.yTicks.map((t) => t.value)} tickFormatter={tickLabels(chart.yTicks)}
            allowDataOverflow label={{ value: chart.yLabel, angle: -90, position: "insideLeft" }} />
          {chart.chance !== null && <ReferenceLine y={chart.chance} stroke="#777" strokeDasharray="6 4" />}
          {chart.series.map((s) => (
            <Line key={`fit-${s.family}`} data={s.fitted} dataKey="y" stroke={s.color} dot={false} className="loss-fit" isAnimationActive={false} />
          ))}
          {chart.series.map((s) => (
            <Scatter key={s.family} name={s.family} data={s.points} dataKey="y" fill={s.color} className="loss-points" isAnimationActive={false} />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
