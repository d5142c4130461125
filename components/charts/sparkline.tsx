import type { Sparkline as SparklineModel } from "@/lib/charts/prepare-sparkline";

/** A prepared sparkline: the curve, its points and the dashed chance line. */
export function Sparkline({ model, label }: { model: SparklineModel; label: string }) {
  return (
    <svg width={model.width} height={model.height} viewBox={`0 0 ${model.width} ${model.height}`} role="img" aria-label={label} className="sparkline">
      {model.chanceY !== null && (
        <line x1={0} x2={model.width} y1={model.chanceY} y2={model.chanceY} stroke="#777" strokeDasharray="3 3" className="sparkline-chance" />
      )}
      <path d={model.path} fill="none" stroke="#0072B2" strokeWidth={1.5} />
      {model.dots.map((d, i) => <circle key={i} cx={d.cx} cy={d.cy} r={2} fill="#0072B2" />)}
    </svg>
  );
}
