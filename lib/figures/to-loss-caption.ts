import { fmt } from "@/lib/emergence/format-number";
import { VERDICT_STYLE } from "@/lib/charts/verdict-style";
import type { LossResponse } from "@/lib/schemas/loss-axis";

const list = (names: string[]) => names.join(", ");

/**
 * The loss figure's caption, saying what was fitted on what: the reference (task:metric)
 * whose value places each model, the axis drawn decreasing to the right, each family's
 * fit and verdict on that axis, and every model left unplaced for want of the reference.
 */
export function toLossCaption(res: LossResponse & { ref: NonNullable<LossResponse["ref"]> }): string {
  const ref = `${res.ref.task}:${res.ref.metric}`;
  const refShots = res.ref.shots === null ? "" : `, ${res.ref.shots}-shot`;
  const y = `${res.metric}${res.shots === null ? "" : ` (${res.shots}-shot)`}`;
  const placed = res.series.reduce((n, s) => n + s.points.length, 0);
  const families = res.series.length;
  const parts = [
    `${res.task}: ${y} against each model's ${ref} (the reference${refShots}, filter ${res.ref.filter}) instead of its size (Du et al. 2024), ` +
      `on a log axis drawn decreasing to the right: lower ${res.ref.metric}, more capable, to the right. ` +
      `${placed} model${placed === 1 ? "" : "s"} placed in ${families} model ${families === 1 ? "family" : "families"}.`,
    "Error bars: ±1 standard error where the file gives one.",
  ];
  if (res.chance !== null) parts.push(`Dashed line: chance (${res.chance}).`);
  if (res.analyses.some((a) => a.fitted.length > 0)) {
    parts.push(`Solid lines: each family's best fit by AICc of ${res.metric} on log ${ref}, fitted on that family's placed models only.`);
  }
  if (res.analyses.some((a) => a.threshold !== null && a.threshold.censored === null)) {
    parts.push(`Dotted vertical line and band: the transition's midpoint in ${ref} and its 95% profile interval.`);
  }
  parts.push("Filled markers: clearly above chance (one-sided z-test, Holm-corrected); hollow: not.");
  const verdicts = res.analyses.map((a) => {
    const t = a.threshold;
    const where = t && t.censored === null ? ` at ${ref} ${fmt(t.x)}${t.interval ? ` (95% ${fmt(t.interval[0])}–${fmt(t.interval[1])})` : ""}` : "";
    return `${a.family} ${VERDICT_STYLE[a.verdict].label}${where}`;
  });
  if (verdicts.length > 0) parts.push(`Verdicts on this axis (Emergence Atlas; each family judged on its own placed points at α = 0.05): ${verdicts.join("; ")}.`);
  parts.push(
    res.unplaced.length === 0
      ? `Every model of the view has ${ref}: none unplaced.`
      : `Unplaced (no ${ref} result, so not drawn and not fitted): ${res.unplaced.length} model${res.unplaced.length === 1 ? "" : "s"}, ${list(res.unplaced.map((u) => u.model))}.`,
  );
  return parts.join(" ");
}
