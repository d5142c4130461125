import type { FamilyComparison } from "@/lib/schemas/comparison";
import type { Verdict } from "@/lib/schemas/analysis";
import { analyzeCurves, type AnalyzeOptions } from "./analyze-curves";
import type { CurveInput } from "./types";

/** Verdicts that make a claim about the curve; "cannot tell" and "suspect zero" do not. */
const DECIDED: ReadonlySet<Verdict> = new Set(["abrupt", "smooth", "near-floor", "flat", "declining"]);
/** What a verdict says about the shape of scaling: near floor and flat both say "no change beyond ±δ". */
const READING: Partial<Record<Verdict, string>> = { abrupt: "abrupt", smooth: "smooth", "near-floor": "unchanged", flat: "unchanged", declining: "declining" };
const LABEL: Record<Verdict, string> = {
  abrupt: "abrupt", smooth: "smooth", "near-floor": "near floor", flat: "flat", declining: "declining",
  "suspect-zero": "suspect zero", "cannot-tell": "cannot tell",
};

export type MetricCurves = { metric: string; filter: string; curves: CurveInput[] };

/**
 * The mirage test (Schaeffer et al. 2023) on stored aggregates: for each family,
 * the same test applied under every metric to the same models only (those scored
 * under all of them), each metric judged against its own floor. The statement says
 * "abrupt under exact_match, smooth under bleu over the same 8 models" only when
 * every verdict is decided; otherwise it says which metric cannot tell.
 */
export function compareMetrics(byMetric: MetricCurves[], options: AnalyzeOptions = {}): FamilyComparison[] {
  const families = [...new Set(byMetric.flatMap((m) => m.curves.map((c) => c.family)))].sort();
  return families.flatMap((family) => {
    const present = byMetric.map((m) => ({ ...m, curve: m.curves.find((c) => c.family === family) }));
    if (present.some((m) => m.curve === undefined)) return [];
    const modelSets = present.map((m) => new Set(m.curve!.points.map((p) => p.model)));
    const all = [...new Set(present.flatMap((m) => m.curve!.points.map((p) => p.model)))].sort();
    const models = all.filter((model) => modelSets.every((s) => s.has(model)));
    const shared = new Set(models);
    const analyses = present.map((m) => {
      const restricted: CurveInput = {
        ...m.curve!,
        id: `${m.curve!.id}|compared`,
        groupId: `${m.curve!.groupId}|compared|${family}`,
        points: m.curve!.points.filter((p) => shared.has(p.model)),
      };
      return { metric: m.metric, filter: m.filter, analysis: analyzeCurves([restricted], options)[0] };
    });
    const decided = analyses.every((a) => DECIDED.has(a.analysis.verdict));
    const readings = new Set(analyses.map((a) => READING[a.analysis.verdict]));
    const verdicts = new Set(analyses.map((a) => a.analysis.verdict));
    const over = `over the same ${models.length} model${models.length === 1 ? "" : "s"}`;
    const each = analyses.map((a) => `${LABEL[a.analysis.verdict]} under ${a.metric}`).join(", ");
    const statement = decided
      ? readings.size > 1
        ? `${each} ${over}: the verdict depends on the metric`
        : verdicts.size > 1
          ? `${each} ${over}: the same reading, no change beyond ±δ`
          : `${LABEL[analyses[0].analysis.verdict]} under every metric ${over}`
      : `no comparison: ${analyses
          .filter((a) => !DECIDED.has(a.analysis.verdict))
          .map((a) => `${LABEL[a.analysis.verdict]} under ${a.metric}`)
          .join(", ")} ${over}`;
    return [{ family, models, excluded: all.filter((m) => !shared.has(m)), byMetric: analyses, decided, dependsOnMetric: decided && readings.size > 1, statement }];
  });
}
