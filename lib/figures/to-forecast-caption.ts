import { AXES, formatAxisValue } from "@/lib/domain/scale-axes";
import type { FamilyForecast, ForecastResponse } from "@/lib/schemas/forecast";

const FORM_TEXT: Record<ForecastResponse["form"], string> = {
  linear: "linear in log-scale",
  logistic: "logistic with its floor at chance",
  hinge: "hinge (flat, then linear in log-scale)",
  sigmoid: "sigmoid from chance to the metric's bound (Ruan et al. 2024)",
};

const num = (v: number) => String(Number(v.toPrecision(3)));

/**
 * The forecast figure's caption, saying what was fitted on what: the form, the cutoff on
 * its axis, per family how many sizes were fitted below the cutoff and how many measured at
 * or above it were forecast, the band's nominal level, and the measured-vs-forecast error
 * (mean absolute error and how many fell inside the band).
 */
export function toForecastCaption(res: ForecastResponse, families: FamilyForecast[], chance: number | null, without: FamilyForecast[] = []): string {
  const axis = AXES[res.x].label.toLowerCase();
  const cutoff = formatAxisValue(res.cutoff, res.x);
  const level = `${Math.round(res.level * 100)}%`;
  const y = `${res.metric}${res.shots === null ? "" : ` (${res.shots}-shot)`}`;
  const parts = [
    `${res.task}: ${y} against ${axis} (log scale), forecast by the ${res.form} form (${FORM_TEXT[res.form]}) fitted to each family's sizes below the cutoff of ${cutoff} ${axis} (vertical dashed line), ` +
      `then extrapolated to the sizes at or above it.`,
    `Solid line and shaded band: the forecast and its ${level} prediction band (nominal level: where a new measurement should fall with that probability, by parametric bootstrap refits of the form).`,
    "Filled markers: the measured sizes the form was fitted to; hollow markers: measured at or above the cutoff, not fitted, compared with the forecast. Error bars: ±1 standard error where the file gives one.",
  ];
  if (chance !== null) parts.push(`Horizontal dashed line: chance (${chance}).`);
  for (const f of families) {
    const inside = f.heldOut.filter((p) => p.inside).length;
    parts.push(
      f.mae === null
        ? `${f.family}: fitted on ${f.trained} sizes below the cutoff; none measured at or above it, so the band is a forecast only.`
        : `${f.family}: fitted on ${f.trained} sizes below the cutoff, forecast ${f.heldOut.length} measured at or above it; mean absolute error ${num(f.mae)} (${y}), ${inside} of ${f.heldOut.length} inside the ${level} band.`,
    );
  }
  if (without.length > 0) parts.push(`No forecast (not drawn): ${without.map((f) => `${f.family}, ${f.note ?? "too few sizes below the cutoff"}`).join("; ")}.`);
  return parts.join(" ");
}
