"use client";

import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Scatter, XAxis, YAxis } from "recharts";
import type { ForecastChartModel } from "@/lib/charts/prepare-forecast-chart";
import { tickLabels } from "@/lib/charts/chart-frame";

/** Draws a prepared forecast: every decision was made in prepareForecastChart. */
export function ForecastChart({ chart, height = 340 }: { chart: ForecastChartModel; height?: number }) {
  return (
    <figure className="chart" role="img" aria-label={chart.title} data-testid="forecast-chart">
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart margin={{ top: 16, right: 24, bottom: 32, left: 16 }}>
          <CartesianGrid strokeDasharray="2 4" />
          <XAxis type="number" dataKey="x" scale="log" domain={chart.xDomain} ticks={chart.xTicks.map((t) => t.value)}
            tickFormatter={tickLabels(chart.xTicks)} allowDataOverflow label={{ value: chart.xLabel, position: "insideBottom", offset: -16 }} />
          <YAxis type="number" domain={chart.yDomain} ticks={chart.yTicks.map((t) => t.value)} tickFormatter={tickLabels(chart.yTicks)}
            allowDataOverflow label={{ value: chart.yLabel, angle: -90, position: "insideLeft" }} />
          <Area data={chart.band} dataKey="range" type="monotone" fill="#4c72b0" fillOpacity={0.18} stroke="none" className="forecast-band" isAnimationActive={false} />
          <Line data={chart.band} dataKey="mean" type="monotone" stroke="#4c72b0" strokeDasharray="6 3" dot={false} className="forecast-line" isAnimationActive={false} />
          <ReferenceLine x={chart.cutoff.x} stroke="#555" strokeDasharray="2 2" label={{ value: chart.cutoff.label, position: "top" }} />
          <Scatter data={chart.fitted} dataKey="y" fill="#4c72b0" className="forecast-fitted" isAnimationActive={false} />
          <Scatter data={chart.heldOut.filter((p) => p.inside)} dataKey="y" fill="#2a9d3a" className="forecast-inside" isAnimationActive={false} />
          <Scatter data={chart.heldOut.filter((p) => !p.inside)} dataKey="y" fill="#c0392b" shape="cross" className="forecast-outside" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="muted">
        Blue points: fitted; dashed line and band: the forecast with its prediction band; green: measured inside the band; red crosses: outside it.
      </figcaption>
    </figure>
  );
}
