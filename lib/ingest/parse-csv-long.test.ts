import { describe, expect, it } from "vitest";
import { csvLongChunks, parseCsvLong } from "./parse-csv-long";

describe("parseCsvLong", () => {
  it("reads optional columns case-insensitively and treats empty / -100 / NaN as missing", () => {
    const text = [
      "Model,Task,Metric,Value,StdErr,N,Shots,Filter,Revision,comment",
      "pythia-70m,arc_easy,acc,0.43,0.01,2376,0,,step1000,ok",
      "pythia-70m,arc_easy,acc_norm,,0.01,2376,0,,,value empty",
      "pythia-70m,gsm8k,exact_match,-100,,,5,strict-match,,sentinel",
      "pythia-70m,gsm8k,exact_match,NaN,,,5,flexible-extract,,nan",
      "pythia-160m,arc_easy,acc,0.45,-100,,,,,",
    ].join("\n");
    const parsed = parseCsvLong("long.csv", text);
    expect(parsed.missingValues).toBe(3);
    expect(parsed.results).toEqual([
      {
        model: "pythia-70m", revision: "step1000", task: "arc_easy", metric: "acc", filter: "none",
        shots: 0, value: 0.43, stderr: 0.01, n: 2376, isGroup: false, source: { line: 2 },
      },
      {
        model: "pythia-160m", revision: null, task: "arc_easy", metric: "acc", filter: "none",
        shots: null, value: 0.45, stderr: null, n: null, isGroup: false, source: { line: 6 },
      },
    ]);
  });

  it.each([
    ["model,task,metric\nm,t,a\n", 'long.csv:1: missing column "value"'],
    ["model,task,metric,value\nm,t,a,abc\n", 'long.csv:2: column "value": expected a number, found "abc" (at value)'],
    ["model,task,metric,value,shots\nm,t,a,0.5,1.5\n", 'long.csv:2: column "shots": expected an integer'],
    ["model,task,metric,value\n,t,a,0.5\n", "long.csv:2: empty model (at model)"],
    ["model,task,metric,value\nm,t,a,0.5\nm,t,a,0.6\n", "long.csv:3: duplicate result for m t a"],
  ])("rejects %j", (text, message) => {
    expect(() => parseCsvLong("long.csv", text)).toThrow(message);
  });

  it("keeps one of two identical rows", () => {
    expect(parseCsvLong("l.csv", "model,task,metric,value\nm,t,a,0.5\nm,t,a,0.5\n").results).toHaveLength(1);
  });
});

describe("csvLongChunks", () => {
  const rows = (count: number) => ["model,task,metric,value", ...Array.from({ length: count }, (_, i) => `m,t${i},a,0.${i % 10}`)].join("\n");

  it("hands the rows over in chunks, lazily, and the missing count at the end", () => {
    const chunks = csvLongChunks("c.csv", `${rows(25)}\nm,x,a,\n`, { chunkRows: 10 });
    expect(chunks.next().value).toHaveLength(10);
    expect(chunks.next().value).toHaveLength(10);
    const last = chunks.next();
    expect(last.value).toHaveLength(5);
    expect(chunks.next()).toEqual({ done: true, value: { missingValues: 1 } });
  });

  it("refuses a bad row after handing over the chunks before it, naming its line", () => {
    const chunks = csvLongChunks("c.csv", `${rows(12)}\nm,t,${"x".repeat(201)},0.5\n`, { chunkRows: 10 });
    expect(chunks.next().value).toHaveLength(10);
    expect(() => chunks.next()).toThrow(/^c\.csv:14: invalid results\.12\.metric: .*\(at results\.12\.metric\)$/);
  });

  it("refuses a duplicate with a different value in a later chunk", () => {
    const chunks = csvLongChunks("c.csv", `${rows(12)}\nm,t0,a,0.7\n`, { chunkRows: 10 });
    chunks.next();
    expect(() => chunks.next()).toThrow("c.csv:14: duplicate result for m t0 a with a different value (0.7 here, 0 at 2)");
  });
});
