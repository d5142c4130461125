import type { CurvesResponse } from "@/lib/schemas/curves";

/**
 * A view narrowed to some families, in the view's order. Names the view lacks are
 * ignored; with none left (or none asked for) the whole view is kept, so a stale
 * link still shows a chart.
 */
export function pickFamilies(res: CurvesResponse, families: string[] | undefined): CurvesResponse {
  if (!families || families.length === 0) return res;
  const series = res.series.filter((s) => families.includes(s.family));
  return series.length === 0 ? res : { ...res, series };
}
