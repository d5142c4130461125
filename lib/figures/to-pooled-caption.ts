import { fmt } from "@/lib/emergence/format-number";
import { VERDICT_STYLE } from "@/lib/charts/verdict-style";
import { AXES, formatAxisValue } from "@/lib/domain/scale-axes";
import type { PooledResponse } from "@/lib/schemas/pooled";

type Pooled = NonNullable<PooledResponse["pooled"]>;

const offset = (shift: number, interval: [number, number] | null) =>
  `${shift >= 0 ? "+" : ""}${shift.toFixed(2)}${interval ? ` [${interval[0].toFixed(2)}, ${interval[1].toFixed(2)}]` : ""}`;

/**
 * The pooled figure's caption, saying what was fitted on what: the families pooled with
 * their offsets, the model (one curve in log-scale, an offset per family, in the reference
 * family's units), the pooled verdict and threshold with its interval, the families flagged
 * or left out, and what pooling assumes.
 */
export function toPooledCaption(res: PooledResponse & { pooled: Pooled }): string {
  const { pooled } = res;
  const axis = AXES[res.x].label.toLowerCase();
  const y = `${res.metric}${res.shots === null ? "" : ` (${res.shots}-shot)`}`;
  const a = pooled.analysis;
  const fitted = pooled.families.filter((f) => f.shift !== null && f.note === null);
  const leftOut = pooled.families.filter((f) => f.departs && f.note !== null);
  const flagged = fitted.filter((f) => f.departs);
  const unplaced = pooled.families.filter((f) => f.shift === null);
  const parts = [
    `${res.task}: ${y} of ${fitted.length} model families pooled on one curve against ${axis} (log scale), in the units of the reference family ${pooled.reference}: ` +
      `${fitted.map((f) => (f.family === pooled.reference ? `${f.family} (the reference, offset 0), ${f.sizes} sizes` : `${f.family} ${offset(f.shift!, f.interval)} decades, ${f.sizes} sizes`)).join("; ")} (offset and its 95% profile interval).`,
    `Model: one curve in log ${axis} (best of linear, logistic and hinge by AICc) fitted to the ${a.points.length} points of those families together, each family's ${axis} shifted by its own fitted offset; markers are drawn at the shifted scale.`,
    "Error bars: ±1 standard error used by the fit.",
  ];
  if (a.chance !== null) parts.push(`Dashed line: chance (${a.chance}).`);
  const t = a.threshold;
  const threshold =
    t === null
      ? "no transition midpoint"
      : t.censored === null
        ? `threshold at ${formatAxisValue(t.x, res.x)} ${axis}${t.interval ? ` (95% profile interval ${formatAxisValue(t.interval[0], res.x)}–${formatAxisValue(t.interval[1], res.x)})` : " (interval not bounded)"} of ${pooled.reference}, drawn as the dotted line and band`
        : `threshold ${t.censored === "below" ? "below the smallest" : "above the largest"} shifted scale (${formatAxisValue(t.x, res.x)})`;
  parts.push(`Pooled verdict (Emergence Atlas, α = 0.05): ${VERDICT_STYLE[a.verdict].label}; ${threshold}.`);
  parts.push(
    flagged.length === 0 && leftOut.length === 0
      ? "No family departs from the pooled curve (χ² of its points around it, Holm-adjusted)."
      : [
          flagged.length > 0 ? `Flagged as departing but kept: ${flagged.map((f) => `${f.family} (p = ${fmt(f.pDeparture ?? NaN)})`).join(", ")}.` : "",
          leftOut.length > 0 ? `Departing and left out of the fit (not drawn): ${leftOut.map((f) => `${f.family}${f.pDeparture === null ? "" : ` (p = ${fmt(f.pDeparture)})`}`).join(", ")}.` : "",
        ].filter(Boolean).join(" "),
  );
  if (unplaced.length > 0) parts.push(`Not placed (offset not bounded): ${unplaced.map((f) => f.family).join(", ")}.`);
  parts.push(res.assumption);
  return parts.join(" ");
}
