import { describe, expect, it } from "vitest";
import { modelMappingsSchema } from "@/lib/schemas/uploads";
import { toModelMappings } from "./to-model-mappings";

const scale = (p: Partial<{ family: string; parameters: string; tokens: string; flops: string }>) => ({
  mode: "scale" as const, family: "", parameters: "", tokens: "", flops: "", ...p,
});

describe("toModelMappings", () => {
  it("sends aliases and entered scales, leaves unknown ones out, and matches the API schema", () => {
    const out = toModelMappings(["a", "b", "c", "d"], {
      a: { mode: "alias", model: "EleutherAI/pythia-1b" },
      b: scale({ family: " My Runs ", parameters: "1.4B", tokens: "300B" }),
      c: { mode: "unknown" },
    });
    expect(out.errors).toEqual({});
    expect(out.mappings).toEqual([
      { kind: "alias", name: "a", model: "EleutherAI/pythia-1b" },
      { kind: "scale", name: "b", family: "My Runs", parameters: 1.4e9, tokens: 3e11, flops: null },
    ]);
    expect(modelMappingsSchema.parse(out.mappings)).toEqual(out.mappings);
  });

  it.each([
    ["no registry model chosen", { mode: "alias" as const, model: "" }, /choose the registry model/],
    ["no number at all", scale({ family: "X" }), /at least one of/],
    ["a word for a number", scale({ parameters: "big" }), /Parameters: expected a positive number .* found "big"/],
    ["zero", scale({ tokens: "0" }), /Training tokens: expected a positive number/],
    ["a negative", scale({ flops: "-3e21" }), /Training FLOPs: expected a positive number/],
  ])("reports %s for that model and sends nothing for it", (_what, draft, message) => {
    const out = toModelMappings(["m"], { m: draft });
    expect(out.mappings).toEqual([]);
    expect(out.errors.m).toMatch(message);
  });
});
