import type { Agreement } from "@/lib/schemas/audit";
import type { Verdict } from "@/lib/schemas/analysis";

/**
 * How a stored verdict reads against what a claim says under that metric
 * (undefined: the claim says nothing about it). Near floor and flat show no
 * change beyond ±δ over the family's sizes: an ability claimed to appear at some
 * scale may lie beyond them, so they neither confirm nor refute it.
 */
export function toAgreement(claimed: "abrupt" | "smooth" | undefined, verdict: Verdict): Agreement {
  if (claimed === undefined) return "no-claim";
  if (verdict === claimed) return "agrees";
  switch (verdict) {
    case "cannot-tell":
    case "suspect-zero":
      return "undecided";
    case "near-floor":
    case "flat":
      return "no-rise";
    case "abrupt":
    case "smooth":
    case "declining":
      return "disagrees";
  }
}

/** Strongest reading first: a contradiction outweighs an agreement under another of the claim's metrics. */
export const AGREEMENT_ORDER: Agreement[] = ["disagrees", "agrees", "no-rise", "undecided", "no-claim"];

/** One reading for a family from its readings under the claim's metrics. */
export function combineAgreements(readings: Agreement[]): Agreement {
  return AGREEMENT_ORDER.find((a) => readings.includes(a)) ?? "no-claim";
}

export const AGREEMENT_LABEL: Record<Agreement, string> = {
  agrees: "agrees",
  disagrees: "disagrees",
  "no-rise": "no rise in range",
  undecided: "cannot tell",
  "no-claim": "no claim under this metric",
};
