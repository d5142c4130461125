import type { CurveAnalysis } from "@/lib/schemas/analysis";
import { analyzeCurves } from "../analyze-curves";
import type { AnalyzeOptions, CurveInput } from "../types";
import { poolFamilies, type PooledFamily } from "./pool-families";

export type PooledAnalysis = { reference: string; families: PooledFamily[]; analysis: CurveAnalysis } | null;

/** The families of one view pooled on one curve (poolFamilies), judged by the same analysis as any curve. */
export function analyzePooledView(curves: CurveInput[], options: AnalyzeOptions): PooledAnalysis {
  const pooled = poolFamilies(curves);
  if (pooled === null) return null;
  const [analysis] = analyzeCurves([pooled.input], options);
  return { reference: pooled.reference, families: pooled.families, analysis };
}
