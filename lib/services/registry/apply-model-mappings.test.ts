import { describe, expect, it } from "vitest";
import type { ModelPlan, RegistryLookup, RegistryModel } from "@/lib/ingest/plan-types";
import { applyModelMappings, USER_SUPPLIED_SOURCE } from "./apply-model-mappings";

const known: ModelPlan = {
  name: "EleutherAI/pythia-70m", family: "Pythia", parameters: 7e7, trainingTokens: 3e11, trainingFlops: 1.3e20, flopsEstimated: true,
  tokensPerStep: 2097152, finalStep: 143000, source: "paper", aliases: ["pythia-70m"], overwrite: false,
};
const base: RegistryLookup = {
  resolveModel: (name) => (name === "pythia-70m" ? known : null),
  task: () => null,
  metric: () => null,
};

describe("applyModelMappings", () => {
  it("returns the lookup unchanged without mappings", () => {
    expect(applyModelMappings(base, [], new Map())).toBe(base);
  });

  it("resolves entered facts as an explicit model, estimating FLOPs as 6ND", () => {
    const lookup = applyModelMappings(base, [{ kind: "scale", name: "Lab/Run-1", family: "Lab", parameters: 1e9, tokens: 2e10, flops: null }], new Map());
    expect(lookup.resolveModel(" lab/run-1 ")).toMatchObject({
      name: "Lab/Run-1", family: "Lab", parameters: 1e9, trainingTokens: 2e10, trainingFlops: 1.2e20, flopsEstimated: true,
      source: USER_SUPPLIED_SOURCE, overwrite: true,
    });
    expect(lookup.resolveModel("pythia-70m")).toBe(known);
  });

  it("keeps given FLOPs as reported", () => {
    const lookup = applyModelMappings(base, [{ kind: "scale", name: "r", family: null, parameters: 1e9, tokens: 2e10, flops: 5e19 }], new Map());
    expect(lookup.resolveModel("r")).toMatchObject({ trainingFlops: 5e19, flopsEstimated: false });
  });

  it("maps an alias onto a stored model, else onto the seed registry, keeping their facts", () => {
    const stored: RegistryModel = { ...known, name: "lab/base", family: "Lab", aliases: [] };
    const lookup = applyModelMappings(
      base,
      [{ kind: "alias", name: "/ckpt/a", model: "lab/base" }, { kind: "alias", name: "/ckpt/b", model: "pythia-70m" }],
      new Map([["lab/base", stored]]),
    );
    expect(lookup.resolveModel("/ckpt/a")).toMatchObject({ name: "lab/base", parameters: 7e7, overwrite: false });
    expect(lookup.resolveModel("/ckpt/b")).toMatchObject({ name: "EleutherAI/pythia-70m", overwrite: false });
  });

  it("refuses an alias of an unknown model and a name mapped twice", () => {
    expect(() => applyModelMappings(base, [{ kind: "alias", name: "a", model: "nope" }], new Map())).toThrow(/no stored model/);
    expect(() =>
      applyModelMappings(base, [{ kind: "alias", name: "a", model: "pythia-70m" }, { kind: "alias", name: "A", model: "pythia-70m" }], new Map()),
    ).toThrow(/mapped twice/);
  });
});
