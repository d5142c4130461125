"use client";

import {
  CartesianGrid, ErrorBar, Legend, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Symbols,
  Tooltip, XAxis, YAxis,
} from "recharts";
import type { ChartPoint, ChartSeries, CurveChartModel } from "@/lib/charts/prepare-curve-chart";
import { tickLabels } from "@/lib/charts/chart-frame";

type Ready = Extract<CurveChartModel, { kind: "ready" }>;

function PointTooltip({ active, payload }: { active?: boolean; payload?: { payload?: ChartPoint }[] }) {
  const point = payload?.[0]?.payload;
  if (!active || !point || !("model" in point)) return null;
  return (
    <div className="tooltip" role="tooltip">
      <strong>{point.family}</strong>
      <div>{point.label}</div>
      {point.vsChance && point.vsChance !== "unknown" && <div>chance test: {point.vsChance}</div>}
      <div className="muted">source: {point.fileName ?? "unknown"}</div>
    </div>
  );
}

/** The preparer's marker: its shape, filled or hollow. */
function marker(series: ChartSeries) {
  return function Marker(props: { cx?: number; cy?: number; payload?: ChartPoint }) {
    const filled = props.payload?.filled ?? true;
    return (
      <Symbols type={series.shape} cx={props.cx} cy={props.cy} size={64} fill={filled ? series.color : "#fff"}
        stroke={series.color} strokeWidth={1.5} className={filled ? "point-above" : "point-at-chance"} />
    );
  };
}

const noMarker = () => <g />;


/** Draws a prepared chart model; every decision was made in prepareCurveChart. */
export function CurveChart({ chart, height = 440 }: { chart: Ready; height?: number }) {
  return (
    <figure className="chart" role="img" aria-label={chart.title} data-testid="curve-chart">
      <ResponsiveContainer width="100%" height={height}>
        <ScatterChart margin={{ top: 16, right: 24, bottom: 32, left: 16 }}>
          <CartesianGrid strokeDasharray="2 4" />
          <XAxis type="number" dataKey="x" scale="log" domain={chart.xDomain} ticks={chart.xTicks.map((t) => t.value)}
            tickFormatter={tickLabels(chart.xTicks)} allowDataOverflow
            label={{ value: chart.xLabel, position: "insideBottom", offset: -16 }} />
          <YAxis type="number" dataKey="y" domain={chart.yDomain} ticks={chart.yTicks.map((t) => t.value)}
            tickFormatter={tickLabels(chart.yTicks)} allowDataOverflow
            label={{ value: chart.yLabel, angle: -90, position: "insideLeft" }} />
          {chart.series.map((s) => s.threshold && s.threshold.lo !== null && s.threshold.hi !== null && (
            <ReferenceArea key={`band-${s.key}`} x1={s.threshold.lo} x2={s.threshold.hi} fill={s.color} fillOpacity={0.12}
              stroke="none" className="threshold-band" ifOverflow="hidden" />
          ))}
          {chart.series.map((s) => s.threshold && (
            <ReferenceLine key={`threshold-${s.key}`} x={s.threshold.x} stroke={s.color} strokeDasharray="2 3" className="threshold-line"
              label={{ value: s.threshold.label, position: "insideTopLeft", fill: s.color, fontSize: 11 }} />
          ))}
          {chart.chance && (
            <ReferenceLine y={chart.chance.y} stroke="#555" strokeDasharray="6 4" className="chance-line"
              label={{ value: chart.chance.label, position: "insideBottomLeft", dy: -4 }} />
          )}
          <Tooltip content={<PointTooltip />} />
          <Legend verticalAlign="top" />
          {chart.series.map((s) => !s.joinPoints && (
            <Scatter key={`fit-${s.key}`} name={`${s.name} fit`} data={s.fit} line={{ stroke: s.color, strokeWidth: 2, strokeOpacity: 0.7 }}
              shape={noMarker} legendType="none" isAnimationActive={false} className="fit-line" />
          ))}
          {chart.series.map((s) => (
            <Scatter key={s.key} name={s.legendLabel} data={s.points} fill={s.color} stroke={s.color} shape={marker(s)}
              legendType={s.shape} line={s.joinPoints ? { stroke: s.color, strokeOpacity: 0.5 } : false} isAnimationActive={false}>
              <ErrorBar dataKey="error" direction="y" width={4} stroke={s.color} />
            </Scatter>
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
