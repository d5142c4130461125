"use client";

import {
  CartesianGrid, ErrorBar, Legend, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis,
} from "recharts";
import { formatAxisValue, type ChartPoint, type CurveChartModel } from "@/lib/charts/prepare-curve-chart";

type Ready = Extract<CurveChartModel, { kind: "ready" }>;

function PointTooltip({ active, payload }: { active?: boolean; payload?: { payload?: ChartPoint }[] }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="tooltip" role="tooltip">
      <strong>{point.family}</strong>
      <div>{point.label}</div>
      <div className="muted">source: {point.fileName ?? "unknown"}</div>
    </div>
  );
}

/** Draws a prepared chart model; every decision was made in prepareCurveChart. */
export function CurveChart({ chart, title }: { chart: Ready; title: string }) {
  return (
    <figure className="chart" role="img" aria-label={title} data-testid="curve-chart">
      <ResponsiveContainer width="100%" height={440}>
        <ScatterChart margin={{ top: 16, right: 24, bottom: 32, left: 16 }}>
          <CartesianGrid strokeDasharray="2 4" />
          <XAxis
            type="number"
            dataKey="x"
            scale="log"
            domain={chart.xDomain}
            ticks={chart.xTicks}
            tickFormatter={(v: number) => formatAxisValue(v, chart.xAxis)}
            allowDataOverflow
            label={{ value: chart.xLabel, position: "insideBottom", offset: -16 }}
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={chart.yDomain}
            allowDataOverflow
            label={{ value: chart.yLabel, angle: -90, position: "insideLeft" }}
          />
          {chart.chance && (
            <ReferenceLine
              y={chart.chance.y}
              stroke="#555"
              strokeDasharray="6 4"
              className="chance-line"
              label={{ value: chart.chance.label, position: "insideBottomLeft", dy: -4 }}
            />
          )}
          <Tooltip content={<PointTooltip />} />
          <Legend verticalAlign="top" />
          {chart.series.map((s) => (
            <Scatter
              key={s.key}
              name={s.name}
              data={s.points}
              fill={s.color}
              stroke={s.color}
              shape={s.shape}
              line
              isAnimationActive={false}
            >
              <ErrorBar dataKey="error" direction="y" width={4} stroke={s.color} />
            </Scatter>
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
