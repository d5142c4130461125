// Issue 10 through the real POST /api/uploads: each hostile file of the issue's table
// (rows 1, 2, 3, 5, 6, 7, 14, 15) answers in its own words and stores nothing.
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "./route";
import { GET as getAnalysis } from "../analysis/route";
import { GET as getFigure } from "../figures/[file]/route";
import { whenAnalysisIdle } from "@/lib/services/analysis/drain";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { createUploadResponseSchema } from "@/lib/schemas/uploads";
import { longCsv, uniqueName } from "@/lib/testing/factories";
import { countStored, lmEvalJson, newToken, uploadRequest } from "@/lib/testing/upload-requests";

const sha = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");

afterEach(() => {
  delete process.env.ATLAS_UPLOAD_LIMIT_ROWS;
  vi.restoreAllMocks();
});

async function post(body: string | Uint8Array, opts: { json?: boolean; name?: string; dryRun?: boolean } = {}) {
  const query = `?name=${opts.name ?? (opts.json ? "r.json" : "r.csv")}${opts.dryRun ? "&dryRun=1" : ""}`;
  return POST(uploadRequest(body, { token: await newToken(), contentType: opts.json ? "application/json" : "text/csv", query }));
}

/** The answer is `status` with a message matching `message`, and nothing of the file is stored. */
async function refused(res: Response, status: number, message: RegExp, stored: { task?: string; sha256: string }) {
  const body = apiErrorSchema.parse(await res.json());
  expect({ status: res.status, message: body.error.message }).toEqual({ status, message: expect.stringMatching(message) });
  expect(await countStored(stored)).toEqual({ results: 0, uploads: 0 });
}

/** A v0.4 file whose group <task>_g0 contains <task>_g1 eight times, ..., down to the task at `depth` levels (or back to g0). */
function nestedGroups(task: string, depth: number, cycle: boolean) {
  const groups: Record<string, string[]> = {};
  const g = (i: number) => `${task}_g${i}`;
  for (let i = 0; i < depth; i++) groups[g(i)] = Array(8).fill(i + 1 < depth ? g(i + 1) : cycle ? g(0) : task);
  return JSON.stringify({
    results: { [task]: { "acc,none": 0.5 }, [g(0)]: { "acc,none": 0.5 } }, group_subtasks: groups, "n-shot": { [task]: 0 },
    config: { model_args: "pretrained=EleutherAI/pythia-70m" }, lm_eval_version: "0.4.3",
  });
}

describe("row 1: nested and cyclic lm-eval groups", () => {
  it("422 naming the key of a group that contains itself (the 188-byte file), dry run or not", async () => {
    const task = uniqueName("grp");
    const text = JSON.stringify({ results: { g: { "acc,none": 0.5 } }, group_subtasks: { g: Array(8).fill("g") }, "n-shot": {}, config: { model_args: "pretrained=x" }, lm_eval_version: "0.4.3" });
    await refused(await post(text, { json: true }), 422, /^r\.json: group "g" contains itself: g → g \(at group_subtasks\.g\.0\)$/, { sha256: sha(text) });
    const preview = createUploadResponseSchema.parse(await (await post(text, { json: true, dryRun: true })).json());
    expect("files" in preview && preview.files[0].problems).toEqual([expect.stringContaining("(at group_subtasks.g.0)")]);
    await refused(await post(nestedGroups(task, 4, true), { json: true }), 422, new RegExp(`group "${task}_g0" contains itself: ${task}_g0 → ${task}_g1 → ${task}_g2 → ${task}_g3 → ${task}_g0 \\(at group_subtasks\\.${task}_g3\\.0\\)`), { task, sha256: sha(nestedGroups(task, 4, true)) });
  });

  it("422 for groups nested deeper than 16 levels; an 8-deep, 8-wide tree is stored with its shots", async () => {
    const task = uniqueName("grp");
    const deep = nestedGroups(task, 17, false);
    await refused(await post(deep, { json: true }), 422, new RegExp(`groups nest deeper than 16 levels: ${task}_g0 → .* → ${task}_g16 \\(at group_subtasks\\.${task}_g15\\.0\\)`), { task, sha256: sha(deep) });
    const preview = createUploadResponseSchema.parse(await (await post(nestedGroups(task, 8, false), { json: true, dryRun: true })).json());
    expect("files" in preview && preview.files[0].shots).toEqual([0]);
    const res = await post(nestedGroups(task, 8, false), { json: true });
    expect(res.status).toBe(201);
    expect(createUploadResponseSchema.parse(await res.json()).summary).toMatchObject({ parsed: 2, inserted: 2 });
  });
});

describe("rows 2 and 3: long cells and huge headers", () => {
  it("422 naming row and column for a 60 KB cell of digits", async () => {
    const task = uniqueName("cell");
    const text = `model,task,metric,value\npythia-70m,${task},acc,${"1".repeat(60_000)}x\n`;
    await refused(await post(text), 422, /^r\.csv:2: column "value": cell is 60001 characters; the limit is 4096 \(at value\)$/, { task, sha256: sha(text) });
  });

  it("422 naming the line for an 80 KB wide-CSV header", async () => {
    const text = `Model,${"x_1_a".repeat(16_000)}!\npythia-70m,0.5\n`;
    await refused(await post(text), 422, /^r\.csv:1: header cell 2 is 80001 characters; the limit is 512$/, { sha256: sha(text) });
  });
});

describe("row 5: a row limit for uploads over HTTP, each body parsed once", () => {
  const rows = (task: string, n: number) => longCsv(Array.from({ length: n }, (_, i) => ({ model: `pythia-70m`, task, metric: `m${i}`, value: 0.5 })));

  it("413 past ATLAS_UPLOAD_LIMIT_ROWS, naming the limit and npm run ingest; at the limit it is stored", async () => {
    process.env.ATLAS_UPLOAD_LIMIT_ROWS = "50";
    const task = uniqueName("rows");
    const over = rows(task, 51);
    await refused(await post(over), 413, /more than 50 rows.*ATLAS_UPLOAD_LIMIT_ROWS.*npm run ingest/, { task, sha256: sha(over) });
    await refused(await post(over, { dryRun: true }), 413, /more than 50 rows/, { task, sha256: sha(over) });
    expect((await post(rows(task, 50))).status).toBe(201);
  });

  it("counts the rows of every file of a multipart upload together", async () => {
    process.env.ATLAS_UPLOAD_LIMIT_ROWS = "50";
    const task = uniqueName("rows");
    const form = new FormData();
    form.append("file", new File([rows(task, 30) as Uint8Array<ArrayBuffer>], "a.csv", { type: "text/csv" }));
    form.append("file", new File([rows(`${task}_b`, 30) as Uint8Array<ArrayBuffer>], "b.csv", { type: "text/csv" }));
    const res = await POST(new Request("http://atlas.test/api/uploads", { method: "POST", body: form, headers: { authorization: `Bearer ${await newToken()}` } }));
    await refused(res, 413, /^b\.csv: this upload holds more than 50 rows/, { task, sha256: sha(rows(task, 30)) });
  });

  it("parses a JSON body with one JSON.parse of the whole text, preview or commit", async () => {
    const text = lmEvalJson("EleutherAI/pythia-70m", { [uniqueName("once")]: { "acc,none": 0.5 } });
    const parse = vi.spyOn(JSON, "parse");
    expect((await post(text, { json: true, dryRun: true })).status).toBe(200);
    expect(parse.mock.calls.filter(([arg]) => arg === text)).toHaveLength(1);
    parse.mockClear();
    expect((await post(text, { json: true })).status).toBe(201);
    expect(parse.mock.calls.filter(([arg]) => arg === text)).toHaveLength(1);
  });
});

describe("row 6: magnitudes", () => {
  it.each([
    ["1.79e308", /^r\.csv:3: column "value": 1\.79e308 is beyond ±1e15/],
    ["-1.79e308", /^r\.csv:3: column "value": -1\.79e308 is beyond ±1e15/],
    ["5e-324", /^r\.csv:3: column "value": 5e-324 is non-zero but smaller in magnitude than 1e-100/],
  ])("422 for %s in an unbounded metric, naming field and line", async (value, message) => {
    const task = uniqueName("mag");
    const metric = uniqueName("unbounded");
    const text = `model,task,metric,value\npythia-70m,${task},${metric},0.5\npythia-160m,${task},${metric},${value}\n`;
    await refused(await post(text), 422, message, { task, sha256: sha(text) });
  });

  it("422 for an extreme stderr in JSON, naming its key", async () => {
    const task = uniqueName("mag");
    const text = lmEvalJson("EleutherAI/pythia-70m", { [task]: { "acc,none": 0.5, "acc_stderr,none": 1.79e308 } });
    await refused(await post(text, { json: true }), 422, new RegExp(`1\\.79e308 is beyond ±1e15.*\\(at results\\.${task}\\.acc_stderr,none\\)`), { task, sha256: sha(text) });
  });
});

describe("row 6: values at the bounds", () => {
  const PYTHIA = ["pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b", "pythia-2.8b", "pythia-6.9b", "pythia-12b"];

  it.each([
    ["±1e15", [1e15, -1e15, 1e15, -1e15, 1e15, 0, 1e15, -1e15], "1e15"],
    ["1e-100", [1e-100, 2e-100, 0, 1e-100, 5e-100, 1e-99, 3e-100, 1e-100], "1e-100"],
  ])("values of %s are stored, analysed and drawn: no 500, no NaN in the SVG", async (_, values, stderr) => {
    const task = uniqueName("bounds");
    const metric = uniqueName("unbounded");
    const text = `model,task,metric,value,stderr,shots\n${PYTHIA.map((m, i) => `${m},${task},${metric},${values[i]},${stderr},0`).join("\n")}\n`;
    expect((await post(text)).status).toBe(201);
    await whenAnalysisIdle();
    const analysis = await getAnalysis(new Request(`http://atlas.test/api/analysis?task=${task}&metric=${metric}&shots=0&x=params`));
    expect(analysis.status).toBe(200);
    const file = `${task}.svg`;
    const figure = await getFigure(new Request(`http://atlas.test/api/figures/${file}?metric=${metric}&shots=0`), { params: Promise.resolve({ file }) });
    expect(figure.status).toBe(200);
    expect(await figure.text()).not.toMatch(/NaN|Infinity/);
  });
});

describe("row 7: duplicate JSON keys", () => {
  it("422 naming a metric given twice", async () => {
    const task = uniqueName("dup");
    const text = `{"results": {"${task}": {"acc,none": 0.1, "acc,none": 0.9}}, "n-shot": {"${task}": 0}, "config": {"model_args": "pretrained=EleutherAI/pythia-70m"}}`;
    await refused(await post(text, { json: true }), 422, new RegExp(`^r\\.json:1: duplicate key "acc,none".*\\(at results\\.${task}\\.acc,none\\)$`), { task, sha256: sha(text) });
  });

  it("422 naming a second model_args", async () => {
    const task = uniqueName("dup");
    const text = `{"results": {"${task}": {"acc,none": 0.1}}, "config": {"model_args": "pretrained=EleutherAI/pythia-70m",\n"model_args": "pretrained=EleutherAI/pythia-12b"}}`;
    await refused(await post(text, { json: true }), 422, /^r\.json:2: duplicate key "model_args".*\(at config\.model_args\)$/, { task, sha256: sha(text) });
  });
});

describe("row 14: hidden characters in names", () => {
  it.each([
    ["a right-to-left override in a model", (t: string) => `model,task,metric,value\npythia-70m\u202E,${t},acc,0.5\n`, /^r\.csv:2: model .* contains a right-to-left override \(U\+202E\) \(at model\)$/],
    ["a zero-width space in a task", (t: string) => `model,task,metric,value\npythia-70m,${t}\u200B,acc,0.5\n`, /^r\.csv:2: task .* contains a zero-width space \(U\+200B\)/],
    ["an isolate in a metric", (t: string) => `model,task,metric,value\npythia-70m,${t},\u2067acc,0.5\n`, /^r\.csv:2: metric .* contains a right-to-left isolate \(U\+2067\)/],
  ])("422 for %s", async (_, file, message) => {
    const task = uniqueName("name");
    const text = file(task);
    await refused(await post(text), 422, message, { sha256: sha(text) });
  });
});

describe("row 15: a file with no results", () => {
  it.each([
    ["a header and nothing else", "model,task,metric,value\n", /^r\.csv: no results in r\.csv$/],
    ["only missing values", "model,task,metric,value\npythia-70m,t,acc,-100\npythia-70m,t,acc_norm,\n", /^r\.csv: no results in r\.csv \(2 missing value\(s\) skipped\)$/],
    ["a wide CSV without a task column", "Model,Model Size (B)\npythia-70m,0.07\n", /^r\.csv:1: no results in r\.csv/],
  ])("422 for %s", async (_, text, message) => {
    await refused(await post(text), 422, message, { sha256: sha(text) });
  });

  it("422 for a JSON file whose results are empty", async () => {
    const text = lmEvalJson("EleutherAI/pythia-70m", {});
    await refused(await post(text, { json: true }), 422, /^r\.json: no results in r\.json$/, { sha256: sha(text) });
  });
});
