import { describe, expect, it } from "vitest";
import type { RegistryModelView } from "@/lib/schemas/model-registry";
import { formatEditTime, prepareModelRegistry, toFactView } from "./prepare-model-registry";

const cited = (source: string) => ({ kind: "cited" as const, source, edit: null });
const pythia: RegistryModelView = {
  id: 1, name: "pythia-1b", family: "Pythia", familyOrigin: null, parameters: 1011781632, trainingTokens: 299892736000, trainingFlops: 1.82e21, flopsEstimated: true,
  source: "EleutherAI/pythia README", aliases: ["EleutherAI/pythia-1b"], checkpoints: 154, results: 900, edits: [],
  sources: { parameters: cited("EleutherAI/pythia README"), trainingTokens: cited("EleutherAI/pythia README"), trainingFlops: cited("EleutherAI/pythia README") },
};
const edit = { field: "parameters" as const, oldValue: 1011781632, newValue: 1.2e9, detail: null, reason: "recount", tokenName: "alice", at: "2026-11-26T09:05:07.000Z" };
const edited: RegistryModelView = {
  ...pythia, id: 2, name: "lab/run", family: null, parameters: 1.2e9, trainingFlops: null, flopsEstimated: false, aliases: [],
  sources: { ...pythia.sources, parameters: { kind: "edit", source: "recount", edit }, trainingFlops: { kind: "unknown", source: null, edit: null } },
  edits: [edit],
};

describe("toFactView", () => {
  it("marks an estimate with ≈ and says the source", () => {
    expect(toFactView(pythia, "trainingFlops")).toEqual({ text: "≈1.8e21", estimated: true, source: "EleutherAI/pythia README", kind: "cited" });
    expect(toFactView(pythia, "parameters").text).toBe("1.01B");
  });

  it("says who edited a fact, when, why and what it was; unknown stays unknown", () => {
    expect(toFactView(edited, "parameters").source).toBe("recount (edited by alice, 2026-11-26 09:05 UTC; was 1.01B)");
    expect(toFactView(edited, "trainingFlops")).toEqual({ text: "unknown", estimated: false, source: "no source recorded", kind: "unknown" });
  });
});

describe("prepareModelRegistry", () => {
  it("groups by family in the API's order and filters by name, alias or family", () => {
    const all = prepareModelRegistry([pythia, edited], "");
    expect(all.families.map((f) => [f.family, f.models.map((m) => m.model.name)])).toEqual([["Pythia", ["pythia-1b"]], ["(no family)", ["lab/run"]]]);
    expect(prepareModelRegistry([pythia, edited], "eleutherai/").families.map((f) => f.family)).toEqual(["Pythia"]);
    expect(prepareModelRegistry([pythia, edited], " PYTHIA ")).toMatchObject({ shown: 1, total: 2 });
    expect(prepareModelRegistry([pythia, edited], "no family").families.map((f) => f.family)).toEqual(["(no family)"]);
  });

  it("formats edit times the same everywhere", () => {
    expect(formatEditTime("2026-11-26T09:05:07.000Z")).toBe("2026-11-26 09:05 UTC");
  });
});
