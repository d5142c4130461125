import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModelPlan } from "@/lib/ingest/plan-types";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { ingestPaths } from "@/lib/services/ingest/ingest-paths";
import { uniqueName } from "@/lib/testing/factories";
import { withModels } from "@/lib/testing/model-factories";
import { writePlantedFamily } from "@/lib/ingest/testing/item-family-files";
import { PLANTED_SIZES } from "@/lib/emergence/items/planted-matrix";
import { describePaired } from "@/lib/audit/describe-audit";
import { readPairedEvidence } from "./paired-evidence";

const dir = mkdtempSync(path.join(tmpdir(), "atlas-audit-items-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plan = (name: string, family: string, parameters: number): ModelPlan => ({
  name, family, parameters, trainingTokens: 3e11, trainingFlops: 6 * parameters * 3e11, flopsEstimated: true,
  tokensPerStep: null, finalStep: null, source: "test factory", aliases: [], overwrite: true,
});

describe("the audit's paired evidence, from per-item outputs of a six-size family with a planted jump", () => {
  const family = uniqueName("AuditItemFam");
  const task = uniqueName("audit_planted_task");
  const models = PLANTED_SIZES.map((_, i) => uniqueName(`auditlab/m${i}`));
  const written = writePlantedFamily(dir, { models, task, items: 300, planted: 90, flipAt: 3, worse: 15 });
  beforeAll(async () => {
    const registry = withModels(await buildRegistry(), models.map((m, i) => plan(m, family, PLANTED_SIZES[i])));
    const summary = await ingestPaths([dir], { registry });
    expect(summary.errors).toEqual([]);
  });

  it("gives each adjacent step's discordant items and Holm-adjusted exact McNemar p, the planted step among the significant", async () => {
    const paired = await readPairedEvidence({ task, metric: "exact_match", shots: 0, filter: "none" }, "params");
    expect(Object.keys(paired)).toEqual([family]);
    const steps = paired[family].steps;
    expect(steps.map((s) => [s.smaller, s.larger])).toEqual(models.slice(1).map((m, i) => [models[i], m]));
    const exact = written.wrong.map((w) => w.map((n) => n === 0));
    const gained = exact.filter((e) => !e[2] && e[3]).length;
    expect(steps[2]).toMatchObject({ onlySmaller: 0, onlyLarger: gained });
    expect(steps[2].pValue).toBeLessThan(1e-10);
    // the 15 items that get worse are lost between sizes 1 and 2
    expect(steps[1].onlySmaller).toBe(15);
    const significant = steps.filter((s) => s.pValue < 0.05).length;
    expect(describePaired({ paired: paired[family], itemModels: 6 } as Parameters<typeof describePaired>[0], 0.05))
      .toBe(`${significant} of 5 adjacent steps with p < 0.05 (exact McNemar, Holm-adjusted)`);
  });
});
