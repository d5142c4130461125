// What every parser refuses however the file is shaped (issue 10): numbers out of
// magnitude, hidden characters in names, files with no results, rows past a limit.
import { afterEach, describe, expect, it, vi } from "vitest";
import { IngestError, RowLimitError } from "./ingest-error";
import { parseFile } from "./parse-file";

const v04 = (results: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ results, "n-shot": Object.fromEntries(Object.keys(results).map((t) => [t, 0])), config: { model_args: "pretrained=org/m" }, ...extra });
const v03 = (results: Record<string, Record<string, unknown>>) =>
  JSON.stringify({ results, versions: {}, config: { model_args: "pretrained=org/m", num_fewshot: 0 } });

afterEach(() => vi.restoreAllMocks());

describe("magnitudes (values, stderr, counts)", () => {
  it.each([
    ["l.csv", "model,task,metric,value\nm,t,acc,1.79e308\n", /^l\.csv:2: column "value": 1\.79e308 is beyond ±1e15/],
    ["l.csv", "model,task,metric,value\nm,t,acc,-1.79e308\n", /^l\.csv:2: column "value": -1\.79e308 is beyond ±1e15/],
    ["l.csv", "model,task,metric,value,stderr\nm,t,acc,0.5,5e-324\n", /^l\.csv:2: column "stderr": 5e-324 is non-zero but smaller in magnitude than 1e-100/],
    ["w.csv", "Model,MMLU\nm,5e-324\n", /^w\.csv:2: column "MMLU": 5e-324 is non-zero/],
    ["w.csv", "Model,Model Size (B),MMLU\nm,1e300,0.5\n", /^w\.csv:2: column "Model Size \(B\)": 1e300 is beyond/],
    ["l.csv", "model,task,metric,value,shots\nm,t,acc,0.5,3000000000\n", /^l\.csv:2: column "shots": expected an integer from 0 to 2147483647/],
    ["4.json", v04({ t: { "acc,none": 1.79e308 } }), /^4\.json: 1\.79e308 is beyond ±1e15.* \(at results\.t\.acc,none\)$/],
    ["4.json", v04({ t: { "acc,none": 0.5, "acc_stderr,none": 5e-324 } }), /^4\.json: 5e-324 is non-zero.* \(at results\.t\.acc_stderr,none\)$/],
    ["3.json", v03({ t: { acc: -1.79e308 } }), /^3\.json: -1\.79e308 is beyond.* \(at results\.t\.acc\)$/],
  ])("%s %j", (file, text, message) => {
    expect(() => parseFile(file, text)).toThrow(message);
  });

  it("keeps zero, tiny-but-normal stderr and large perplexities", () => {
    const parsed = parseFile("l.csv", "model,task,metric,value,stderr\nm,t,acc,0,1e-17\nm,t,word_perplexity,123456789,0\n");
    expect(parsed.results.map((r) => [r.value, r.stderr])).toEqual([[0, 1e-17], [123456789, 0]]);
  });
});

describe("names", () => {
  it.each([
    ["l.csv", "model,task,metric,value\npythia\u202E-70m,t,acc,0.5\n", /^l\.csv:2: model "pythia\u202E-70m" contains a right-to-left override \(U\+202E\) \(at model\)$/],
    ["l.csv", "model,task,metric,value\nm,arc\u200Beasy,acc,0.5\n", /^l\.csv:2: task .* contains a zero-width space \(U\+200B\)/],
    ["w.csv", "Model,Model Family,MMLU\nm,Py\u2066thia,0.5\n", /^w\.csv:2: family .* contains a left-to-right isolate \(U\+2066\)/],
    ["4.json", v04({ t: { "acc,none": 0.5 } }, { config: { model_args: "pretrained=org/m\u200D" } }), /^4\.json: model .* contains a zero-width joiner \(U\+200D\) \(at results\.t\.acc,none\)$/],
  ])("%s %j", (file, text, message) => {
    expect(() => parseFile(file, text)).toThrow(message);
  });
});

describe("a file that yields no results", () => {
  it.each([
    ["l.csv", "model,task,metric,value\n", "l.csv: no results in l.csv"],
    ["l.csv", "model,task,metric,value\nm,t,acc,-100\nm,t,acc_norm,\n", "l.csv: no results in l.csv (2 missing value(s) skipped)"],
    ["w.csv", "Model,Model Size (B)\nm,1.4\n", "w.csv:1: no results in w.csv: no task-metric column"],
    ["4.json", v04({}, { lm_eval_version: "0.4.3" }), "4.json: no results in 4.json"],
    ["3.json", v03({ t: { acc: null } }), "3.json: no results in 3.json (1 missing value(s) skipped)"],
  ])("%s %j is refused", (file, text, message) => {
    expect(() => parseFile(file, text)).toThrow(message);
  });
});

describe("row limit", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `m${i},t,acc,0.5`).join("\n");

  it.each([
    ["l.csv", `model,task,metric,value\n${rows(11)}\n`],
    ["w.csv", `Model,MMLU,HellaSwag\n${Array.from({ length: 6 }, (_, i) => `m${i},0.3,0.4`).join("\n")}\n`],
    ["4.json", v04(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`t${i}`, { "acc,none": 0.5 }])))],
    ["3.json", v03(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`t${i}`, { acc: 0.5 }])))],
  ])("%s past 10 rows is a RowLimitError, with no limit it parses", (file, text) => {
    expect(() => parseFile(file, text, { maxRows: 10 })).toThrow(RowLimitError);
    expect(parseFile(file, text).results.length).toBeGreaterThan(10);
  });

  it("counts missing values as rows, and stops a long CSV at the row past the limit", () => {
    expect(() => parseFile("l.csv", `model,task,metric,value\n${"m,t,acc,\n".repeat(11)}`, { maxRows: 10 })).toThrow(RowLimitError);
    // the broken row after the limit is never read
    expect(() => parseFile("l.csv", `model,task,metric,value\n${rows(11)}\n"unterminated`, { maxRows: 10 })).toThrow(RowLimitError);
  });
});

describe("parsing once", () => {
  it("reads a JSON body with one JSON.parse of the whole text", () => {
    const text = v04({ t: { "acc,none": 0.5 } });
    const parse = vi.spyOn(JSON, "parse");
    parseFile("4.json", text);
    expect(parse.mock.calls.filter(([arg]) => arg === text)).toHaveLength(1);
  });

  it("refuses prototype keys only when asked to", () => {
    const text = v04({ t: { "acc,none": 0.5, constructor: 1 } });
    expect(parseFile("4.json", text).results).toHaveLength(1);
    expect(() => parseFile("4.json", text, { prototypeKeys: "refuse" })).toThrow(IngestError);
  });
});
