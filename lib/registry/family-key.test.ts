import { describe, expect, it } from "vitest";
import { toFamilyKey } from "./family-key";

describe("toFamilyKey", () => {
  it("puts the base ladders' sizes under one key", () => {
    const pythia = ["70m", "160m", "410m", "1b", "1.4b", "2.8b", "6.9b", "12b"].map((s) => toFamilyKey(`EleutherAI/pythia-${s}`));
    expect(new Set(pythia)).toEqual(new Set(["EleutherAI/pythia-*"]));
    const qwen = ["0.5B", "1.5B", "3B", "7B", "14B", "32B", "72B"].map((s) => toFamilyKey(`Qwen/Qwen2.5-${s}`));
    expect(new Set(qwen)).toEqual(new Set(["Qwen/Qwen2.5-*"]));
    expect(toFamilyKey("HuggingFaceTB/SmolLM-135M")).toBe(toFamilyKey("HuggingFaceTB/SmolLM-1.7B"));
    expect(toFamilyKey("meta-llama/Llama-2-7b-hf")).toBe("meta-llama/Llama-2-*-hf");
  });

  it("keeps a name that adds anything beyond the size out of the base ladder", () => {
    const base = toFamilyKey("Qwen/Qwen2.5-7B");
    for (const other of ["Qwen/Qwen2.5-7B-Instruct", "someone/Qwen2.5-7B", "someone/Qwen2.5-7B-sft-v2", "EleutherAI/pythia-1.4b-deduped"]) {
      expect(toFamilyKey(other)).not.toBe(base);
    }
    expect(toFamilyKey("EleutherAI/pythia-1.4b-deduped")).toBe("EleutherAI/pythia-*-deduped");
  });

  it("names no ladder without exactly one size", () => {
    expect(toFamilyKey("openai/gpt2")).toBeNull();
    expect(toFamilyKey("gpt-4o-mini")).toBeNull();
    expect(toFamilyKey("merge-7B-13B-slerp")).toBeNull();
    // a version number is not a size: Qwen2.5 keeps its dot, Llama-3.1 its digits
    expect(toFamilyKey("meta-llama/Llama-3.1-8B")).toBe("meta-llama/Llama-3.1-*");
  });
});
