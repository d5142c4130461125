import { describe, expect, it } from "vitest";
import { parseModelArgs } from "./model-args";

describe("parseModelArgs", () => {
  it.each([
    ["pretrained=EleutherAI/pythia-v1.1-1.4b,revision=step93000", "EleutherAI/pythia-v1.1-1.4b", "step93000"],
    ["use_accelerate=True,pretrained=EleutherAI/pythia-v1.1-6.9b,revision=step143000", "EleutherAI/pythia-v1.1-6.9b", "step143000"],
    ["pretrained=/ckpt/runs/pythia-1.4b/,dtype=float16", "/ckpt/runs/pythia-1.4b/", null],
    ["pretrained=org/m,revision=main", "org/m", null],
    ["model=gpt-3.5-turbo-instruct", "gpt-3.5-turbo-instruct", null],
    ["dtype=float16", null, null],
    ["", null, null],
  ])("string %j", (args, model, revision) => {
    expect(parseModelArgs(args)).toEqual({ model, revision });
  });

  it("reads the object form", () => {
    expect(parseModelArgs({ pretrained: "org/name", revision: "step1000", dtype: "bfloat16" })).toEqual({
      model: "org/name",
      revision: "step1000",
    });
    expect(parseModelArgs(undefined)).toEqual({ model: null, revision: null });
  });
});
