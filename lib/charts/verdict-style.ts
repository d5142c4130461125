import type { Verdict } from "@/lib/schemas/analysis";

/** How each verdict reads and looks; colours from the Okabe–Ito palette, text stays legible on white. */
export const VERDICT_STYLE: Record<Verdict, { label: string; color: string; help: string }> = {
  abrupt: { label: "abrupt", color: "#D55E00", help: "near chance, then a jump the smooth fit cannot explain (FDR-controlled)" },
  smooth: { label: "smooth", color: "#0072B2", help: "changes with scale without a significant jump" },
  "flat-at-chance": { label: "flat at chance", color: "#6b6b6b", help: "no model clearly above chance" },
  declining: { label: "declining", color: "#CC79A7", help: "gets significantly worse with scale (inverse scaling)" },
  "suspect-zero": { label: "suspect zero", color: "#8a6d00", help: "exactly 0 while another family scores well above chance: check the evaluation" },
  insufficient: { label: "insufficient", color: "#999999", help: "too few scales or no uncertainty to decide" },
};

export const VERDICTS = Object.keys(VERDICT_STYLE) as Verdict[];
