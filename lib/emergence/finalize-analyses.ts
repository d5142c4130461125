import type { CurveAnalysis } from "@/lib/schemas/analysis";
import type { CurveEvidence } from "./analyze-curve";
import { benjaminiHochberg } from "./benjamini-hochberg";
import { fmt } from "./format-number";
import type { CurveInput, PreparedResult } from "./types";
import { decideVerdict } from "./verdict";

/**
 * The JSON-safe part of a curve's evidence: everything the verdict needs,
 * without the numeric arrays. Stored per curve, so that after an incremental
 * refresh every stored curve can be judged again together (the
 * Benjamini–Hochberg family is all curves, not just the refreshed ones).
 */
export type EvidenceSummary = Omit<CurveEvidence, "input" | "prepared"> & {
  input: Omit<CurveInput, "points">;
  prepared: Pick<PreparedResult, "notes" | "insufficient" | "scales">;
};

export function toEvidenceSummary(e: CurveEvidence): EvidenceSummary {
  const { points: _points, ...input } = e.input;
  const { notes, insufficient, scales } = e.prepared;
  return { ...e, input, prepared: { notes, insufficient, scales } };
}

/** The raw p-values of a stored curve that is not being judged now but belongs to the same family of hypotheses. */
export type OtherPValues = { pValue: number | null; slopePValue: number | null };

/**
 * Across all curves judged together as one family of hypotheses:
 * Benjamini–Hochberg adjustment (of the smooth-null p-values for "abrupt", and
 * separately of the slope p-values for "declining"), the suspect-zero check
 * within each task view, then each curve's verdict. Same order as the input.
 * `others` are the rest of the family when only some curves (whole task views)
 * are judged now: their p-values count in the adjustment, and they get no verdict.
 */
export function finalizeAnalyses(evidence: EvidenceSummary[], alpha: number, others: readonly OtherPValues[] = []): CurveAnalysis[] {
  const adjusted = benjaminiHochberg([...evidence.map((e) => e.test?.pValue ?? null), ...others.map((o) => o.pValue)]);
  const slopeAdjusted = benjaminiHochberg([...evidence.map((e) => e.slope?.pValue ?? null), ...others.map((o) => o.slopePValue)]);
  const groups = new Map<string, EvidenceSummary[]>();
  for (const e of evidence) groups.set(e.input.groupId, [...(groups.get(e.input.groupId) ?? []), e]);
  return evidence.map((e, i) => {
    const { verdict, reasons } = decideVerdict({
      ...e,
      pAdjusted: adjusted[i],
      slopeAdjusted: slopeAdjusted[i],
      suspectZero: findSuspectZero(e, groups.get(e.input.groupId) ?? []),
      alpha,
    });
    return {
      family: e.input.family,
      verdict,
      reasons,
      scales: e.prepared.scales,
      points: e.points,
      breakthroughness: e.breakthroughness,
      fits: e.fits,
      best: e.best,
      deltaAicc: e.deltaAicc,
      threshold: e.threshold,
      pValue: e.test?.pValue ?? null,
      pAdjusted: adjusted[i],
      fitted: e.fitted,
      seed: e.seed,
    };
  });
}

/**
 * Every value exactly 0 (a higher-is-better metric) while another curve of the
 * same task view has a point clearly above chance at a scale no larger than
 * this curve's largest: an evaluation bug (answer extraction, formatting) is
 * then likelier than a missing ability. Above-chance points only at scales this
 * family never reaches do not count: zeros there can be a genuine absence.
 */
function findSuspectZero(e: EvidenceSummary, group: EvidenceSummary[]): string | null {
  const own = e.points;
  if (own.length === 0 || e.input.metric.higherIsBetter === false || own.some((p) => p.value !== 0)) return null;
  const reach = Math.max(...own.map((p) => p.x));
  let witness: { family: string; value: number; x: number; chance: number } | null = null;
  for (const other of group) {
    if (other.input.id === e.input.id || other.input.chance === null) continue;
    for (const p of other.points) {
      if (p.vsChance === "above" && p.x <= reach && (witness === null || p.value > witness.value)) {
        witness = { family: other.input.family, value: p.value, x: p.x, chance: other.input.chance };
      }
    }
  }
  if (witness === null) return null;
  return `suspect-zero: every value is exactly 0 while ${witness.family} scores ${fmt(witness.value)} at x = ${fmt(witness.x)}, clearly above chance ${fmt(witness.chance)}, at a scale this family also reaches: likely an evaluation bug, not a missing ability`;
}
