import type { Verdict } from "@/lib/schemas/analysis";

/**
 * How each verdict reads and looks. `help` is the claim in one line; docs/verdicts.md
 * states it in full with its parameters. Colours from the Okabe–Ito palette; text stays
 * legible on white.
 */
export const VERDICT_STYLE: Record<Verdict, { label: string; color: string; help: string }> = {
  abrupt: { label: "abrupt", color: "#D55E00", help: "rises within less than one decade of scale: every smoother curve is rejected at 5 %" },
  smooth: { label: "smooth", color: "#0072B2", help: "rises over a decade of scale or more: every sharper rise is rejected at 5 %" },
  "near-floor": { label: "near floor", color: "#6b6b6b", help: "every size within ±δ of chance (equivalence tests)" },
  flat: { label: "flat", color: "#009E73", help: "every size within ±δ of one level above the floor (equivalence tests)" },
  declining: { label: "declining", color: "#CC79A7", help: "gets significantly worse with scale (slope t-test, inverse scaling)" },
  "suspect-zero": { label: "suspect zero", color: "#8a6d00", help: "exactly 0 while another family scores clearly above the floor: check the evaluation" },
  "cannot-tell": { label: "cannot tell", color: "#767676", help: "the data do not decide: the reason says what measurement would" },
};

export const VERDICTS = Object.keys(VERDICT_STYLE) as Verdict[];

/** The in-app page stating a verdict's claim (app/verdicts renders docs/verdicts.md). */
export function verdictHref(verdict: Verdict): string {
  return `/verdicts#${verdict}`;
}
