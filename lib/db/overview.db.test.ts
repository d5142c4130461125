import { describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { listOverview } from "./overview";
import { benjaminiHochberg } from "@/lib/emergence/benjamini-hochberg";
import { createRandom } from "@/lib/emergence/random";
import { uniqueName } from "@/lib/testing/factories";
import type { Verdict } from "@/lib/schemas/analysis";

const VERDICTS: Verdict[] = ["abrupt", "smooth", "near-floor", "flat", "declining", "suspect-zero", "cannot-tell"];
const RANK = new Map(["abrupt", "suspect-zero", "declining", "smooth", "near-floor", "flat", "cannot-tell"].map((v, i) => [v, i]));

type Curve = { task: string; family: string; verdict: Verdict; pValue: number | null; score: number | null };

/** A suite of its own with seeded curves (ties in p and missing p and score included), stored as the analysis writes them. */
async function seedSuite(count: number, seed: number): Promise<{ suite: string; curves: Curve[] }> {
  const random = createRandom(seed).uniform;
  const suite = uniqueName("suite");
  const pool = getPool();
  const { rows: metric } = await pool.query<{ id: number }>(
    "INSERT INTO metric (name) VALUES ('acc') ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id",
  );
  const curves: Curve[] = [];
  for (let i = 0; i < count; i++) {
    const task = `${suite}_t${i % 7}`;
    const pValue = random() < 0.15 ? null : Math.round(random() * 40) / 100;
    curves.push({ task, family: `F${i}`, verdict: VERDICTS[Math.floor(random() * VERDICTS.length)], pValue, score: random() < 0.1 ? null : random() * 5 });
  }
  for (const c of curves) {
    await pool.query(
      `WITH t AS (INSERT INTO task (name, suite) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET suite = EXCLUDED.suite RETURNING id)
       INSERT INTO curve_analysis (task_id, metric_id, shots, filter, axis, family, verdict, score, p_value, analysis)
       SELECT t.id, $3, 0, 'none', 'params', $4, $5, $6, $7, $8 FROM t`,
      [c.task, suite, metric[0].id, c.family, c.verdict, c.score, c.pValue,
        JSON.stringify({ reasons: [`because ${c.family}`], points: [{ x: 1, value: 0.5 }], chance: 0.25 })],
    );
  }
  return { suite, curves };
}

describe("listOverview", () => {
  it("ranks, pages and counts exactly as the definition says (BH q-values over the selection, evidence order)", async () => {
    const { suite, curves } = await seedSuite(90, 7);
    const q = benjaminiHochberg(curves.map((c) => c.pValue));
    const expected = curves
      .map((c, i) => ({ ...c, qValue: q[i] }))
      .sort((a, b) =>
        RANK.get(a.verdict)! - RANK.get(b.verdict)! ||
        (a.qValue ?? Infinity) - (b.qValue ?? Infinity) ||
        (b.score ?? -Infinity) - (a.score ?? -Infinity) ||
        (a.task < b.task ? -1 : a.task > b.task ? 1 : 0) ||
        (a.family < b.family ? -1 : a.family > b.family ? 1 : 0),
      );
    const pages = [];
    for (let offset = 0; offset < curves.length; offset += 25) {
      pages.push(await listOverview({ x: "params", suite, sort: "evidence", limit: 25, offset }));
    }
    const items = pages.flatMap((p) => p.items);
    expect(items.map((i) => [i.task, i.family, i.verdict])).toEqual(expected.map((c) => [c.task, c.family, c.verdict]));
    items.forEach((item, i) => {
      if (expected[i].qValue === null) expect(item.qValue).toBeNull();
      else expect(item.qValue).toBeCloseTo(expected[i].qValue!, 12);
    });
    expect(items[0]).toMatchObject({ reason: `because ${items[0].family}`, chance: 0.25, points: [{ x: 1, y: 0.5 }] });
    const first = pages[0];
    expect(first.total).toBe(curves.length);
    expect(first.fdr.tested).toBe(curves.filter((c) => c.pValue !== null).length);
    const verdictCounts = Object.fromEntries(VERDICTS.map((v) => [v, curves.filter((c) => c.verdict === v).length]).filter(([, n]) => n !== 0));
    expect(first.facets.verdicts).toEqual(verdictCounts);
    expect(first.facets.suites).toContain(suite);
    expect(first.facets.families).toEqual(expect.arrayContaining(curves.map((c) => c.family)));
    expect(new Set(first.facets.families).size).toBe(first.facets.families.length);
    expect(first.facets.metrics).toContain("acc");
    expect(first.facets.filters).toContain("none");
    expect(first.fdr.abruptAtFdr5).toBe(expected.filter((c) => c.verdict === "abrupt" && c.qValue !== null && c.qValue < 0.05).length);
  });

  it("filters by verdict without changing the q-values of the selection, and sorts by q", async () => {
    const { suite, curves } = await seedSuite(40, 11);
    const q = benjaminiHochberg(curves.map((c) => c.pValue));
    const smooth = await listOverview({ x: "params", suite, verdict: "smooth", sort: "q", limit: 200, offset: 0 });
    const expected = curves.map((c, i) => ({ ...c, qValue: q[i] })).filter((c) => c.verdict === "smooth");
    expect(smooth.total).toBe(expected.length);
    expect(smooth.items.map((i) => i.qValue)).toEqual(
      expected.map((c) => c.qValue).sort((a, b) => (a ?? Infinity) - (b ?? Infinity)).map((v) => (v === null ? null : expect.closeTo(v, 12))),
    );
  });
});
