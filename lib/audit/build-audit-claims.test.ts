import { describe, expect, it } from "vitest";
import { makeAnalysis } from "@/lib/schemas/testing/analysis-fixture";
import { auditClaimSchema, type EmergenceClaim } from "@/lib/schemas/audit";
import { buildAuditClaims, isAddressable, type StoredTask } from "./build-audit-claims";

const ipaClaim: EmergenceClaim = {
  id: "ipa", source: "Wei et al. 2022", where: "Figure 2B", ability: "IPA transliterate", claimedFor: "GPT-3",
  emergentFlops: null, emergentParams: null,
  expects: [{ metric: "BLEU", storeMetrics: ["bleu"], verdict: "abrupt" }],
  storeTasks: ["ipa_transliterate", "ipa_missing"],
  note: "n",
};

const cannotTell = makeAnalysis({
  family: "OPT", verdict: "cannot-tell", reasons: ["cannot tell: 3 sizes"], transition: null, threshold: null, scales: 3,
});

const stored = new Map<string, StoredTask>([
  ["ipa_transliterate", {
    task: "ipa_transliterate",
    views: [
      { metric: "bleu", shots: 2, filter: "none", itemModels: 0, analyses: [makeAnalysis({ family: "Pythia", verdict: "smooth", reasons: ["smooth: wide"] }), cannotTell] },
      { metric: "exact_match", shots: 2, filter: "none", itemModels: 0, analyses: [makeAnalysis({ family: "Pythia" })],
        paired: { Pythia: { steps: [{ smaller: "a", larger: "b", onlySmaller: 3, onlyLarger: 40, pValue: 1e-9 }] } } },
    ],
    comparison: [{
      family: "Pythia", models: ["a", "b", "c", "d", "e"], excluded: [], byMetric: [], decided: true, dependsOnMetric: true,
      statement: "smooth under bleu, abrupt under exact_match over the same 5 models: the verdict depends on the metric",
    }],
  }],
]);

describe("buildAuditClaims", () => {
  const [claim] = buildAuditClaims([ipaClaim], stored, "flops");
  const [ipa, missing] = claim.tasks;

  it("gives every family its stored verdict under each metric, read against the claim's metric only", () => {
    expect(auditClaimSchema.parse(claim)).toEqual(claim);
    const pythia = ipa.families.find((f) => f.family === "Pythia")!;
    expect(pythia.byMetric.map((m) => [m.metric, m.verdict, m.agreement])).toEqual([
      ["bleu", "smooth", "disagrees"],
      ["exact_match", "abrupt", "no-claim"],
    ]);
    // the claim is under BLEU: the abrupt exact-match curve does not count for it
    expect(pythia.overall).toBe("disagrees");
    expect(pythia.sameModels).toEqual({ statement: expect.stringContaining("depends on the metric"), dependsOnMetric: true, models: 5 });
  });

  it("carries the evidence numbers and a link to the task page's view of that family", () => {
    const bleu = ipa.families.find((f) => f.family === "Pythia")!.byMetric[0];
    expect(bleu).toMatchObject({ width: "0.1 [0.02, 0.35]", p: "1.2e-9 / 1", threshold: "1.20e9 [8.00e8, 2.00e9]", scales: 8, reason: "smooth: wide" });
    expect(bleu.href).toBe("/tasks/ipa_transliterate?metric=bleu&shots=2&filter=none&x=flops&families=Pythia");
  });

  it("keeps paired evidence where it was computed and only there", () => {
    const [bleu, em] = ipa.families.find((f) => f.family === "Pythia")!.byMetric;
    expect(bleu.paired).toBeUndefined();
    expect(em.paired?.steps[0].onlyLarger).toBe(40);
  });

  it("reads a family that cannot tell as undecided, and tallies each family once", () => {
    const opt = ipa.families.find((f) => f.family === "OPT")!;
    expect(opt.overall).toBe("undecided");
    expect(opt.sameModels).toBeNull();
    expect(opt.byMetric).toHaveLength(1);
    expect(ipa.tally).toEqual({ disagrees: 1, agrees: 0, "no-rise": 0, undecided: 1, "no-claim": 0 });
    expect(ipa.families.map((f) => f.family)).toEqual(["Pythia", "OPT"]);
  });

  it("lists a task the store has no results of as not in the store", () => {
    expect(missing).toEqual({ task: "ipa_missing", inStore: false, metrics: [], families: [], tally: expect.any(Object) });
    expect(isAddressable(claim)).toBe(true);
    const [none] = buildAuditClaims([{ ...ipaClaim, storeTasks: ["ipa_missing"] }], stored, "params");
    expect(isAddressable(none)).toBe(false);
    expect(buildAuditClaims([{ ...ipaClaim, storeTasks: [] }], stored, "params")[0].tasks).toEqual([]);
  });
});
