import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect-format";

describe("detectFormat", () => {
  it.each([
    ["long CSV", "model,task,metric,value\nm,t,acc,0.5\n", "csv-long"],
    ["wide CSV", "Model,MMLU\nm,0.5\n", "csv-wide"],
    ["v0.3 JSON", '{"results":{"piqa":{"acc":0.6}},"versions":{"piqa":0}}', "lm-eval-v0.3"],
    ["v0.4 JSON", '{"results":{"piqa":{"acc,none":0.6}}}', "lm-eval-v0.4"],
  ])("%s", (_, text, format) => {
    expect(detectFormat("f", text)).toBe(format);
  });

  it("reads only the head of a large CSV, and falls back when a quoted cell crosses the cut", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `m${i},t,acc,0.5`).join("\n");
    expect(detectFormat("big.csv", `model,task,metric,value\n${rows}\n`)).toBe("csv-long");
    const quoted = `"${"x\n".repeat(40_000)}"`;
    expect(detectFormat("q.csv", `model,task,metric,value\nm,${quoted},acc,0.5\n`)).toBe("csv-long");
  });

  it("rejects empty and unknown files by name", () => {
    expect(() => detectFormat("e.csv", " \n\uFEFF ")).toThrow(/^e\.csv: empty file/);
    expect(() => detectFormat("u.csv", "a,b\n1,2\n")).toThrow(/^u\.csv:1: unknown format/);
  });
});
