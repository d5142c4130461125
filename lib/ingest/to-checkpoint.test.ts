import { describe, expect, it } from "vitest";
import type { ModelEntry } from "@/lib/schemas/registry";
import { toCheckpoint } from "./to-checkpoint";

const pythia: ModelEntry = {
  name: "pythia-1.4b", aliases: [], family: "Pythia", parameters: 1_414_647_808, trainingTokens: 299_892_736_000,
  trainingFlops: null, flopsEstimated: false, tokensPerStep: 2_097_152, finalStep: 143_000, source: "", note: "",
};

describe("toCheckpoint", () => {
  it.each([
    [null, { revision: "final", step: 143_000, tokensSeen: 299_892_736_000, isFinal: true }],
    ["main", { revision: "final", step: 143_000, tokensSeen: 299_892_736_000, isFinal: true }],
    ["step93000", { revision: "step93000", step: 93_000, tokensSeen: 93_000 * 2_097_152, isFinal: false }],
    ["step143000", { revision: "final", step: 143_000, tokensSeen: 299_892_736_000, isFinal: true }],
    ["global_step1000", { revision: "global_step1000", step: 1000, tokensSeen: 1000 * 2_097_152, isFinal: false }],
    ["checkpoint-500", { revision: "checkpoint-500", step: 500, tokensSeen: 500 * 2_097_152, isFinal: false }],
    ["a1b2c3d", { revision: "a1b2c3d", step: null, tokensSeen: null, isFinal: false }],
  ])("%s", (revision, expected) => {
    expect(toCheckpoint(revision, pythia)).toEqual(expected);
  });

  it("leaves tokens seen unknown without tokens_per_step", () => {
    expect(toCheckpoint("step10", null)).toEqual({ revision: "step10", step: 10, tokensSeen: null, isFinal: false });
    expect(toCheckpoint(null, null)).toEqual({ revision: "final", step: null, tokensSeen: null, isFinal: true });
  });
});
