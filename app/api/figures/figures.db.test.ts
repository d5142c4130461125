import { beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { GET as getFigure } from "./[file]/route";
import { GET as getCurvesRoute } from "../curves/route";
import { GET as getAnalysisRoute } from "../analysis/route";
import { curvesResponseSchema } from "@/lib/schemas/curves";
import { analysisResponseSchema } from "@/lib/schemas/analysis";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { refreshAnalyses } from "@/lib/services/analysis/refresh-analyses";
import { getPool } from "@/lib/db/client";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { longCsv, uniqueName, type LongRow } from "@/lib/testing/factories";
import { readPngDpi, readPngSize } from "@/lib/figures/png-dpi";

// a task name with markup in it: it must stay text in the SVG and out of the file name
const task = uniqueName("figure<svg onload=alert(1)>");
const unplacedTask = uniqueName("figure_unplaced");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const files: { name: string; bytes: Uint8Array }[] = [];

const figure = (file: string, query = "") =>
  getFigure(new Request(`http://127.0.0.1/api/figures/${encodeURIComponent(file)}?${query}`), { params: Promise.resolve({ file }) });
const json = async (res: Response) => JSON.parse(await res.text());

async function ingest(name: string, rows: LongRow[]) {
  const bytes = longCsv(rows);
  files.push({ name, bytes });
  const outcome = await ingestFile({ fileName: name, bytes, registry: await buildRegistry() });
  if (!outcome.ok) throw new Error(outcome.error);
  // a made-up task has no chance level in the registry: give it a 4-way one, as ARC has
  await getPool().query("UPDATE task SET chance = 0.25, chance_source = '4 options' WHERE name = $1", [task]);
  await refreshAnalyses(outcome.touched);
}

beforeAll(async () => {
  const pythia = ["pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b", "pythia-2.8b", "pythia-6.9b", "pythia-12b"];
  await ingest("pythia-runs.csv", pythia.map((model, i) => ({
    model, task, metric: "acc", shots: 0, value: [0.25, 0.26, 0.25, 0.27, 0.3, 0.45, 0.6, 0.66][i], ...(i % 3 === 0 ? { n: 1000 } : { stderr: 0.012 }),
  })));
  await ingest("llama-runs.csv", [
    ...["meta-llama/Llama-2-7b-hf", "meta-llama/Llama-2-13b-hf", "meta-llama/Llama-2-70b-hf"].map((model, i) => ({
      model, task, metric: "acc", shots: 0, value: 0.5 + i / 10, stderr: 0.01,
    })),
    { model: "mystery-lab/unknown-7b", task, metric: "acc", shots: 0, value: 0.4 },
    { model: "mystery-lab/unknown-7b", task: unplacedTask, metric: "acc", shots: 0, value: 0.4 },
  ]);
});

describe("GET /api/figures/<task>.csv and .json", () => {
  it("serves every plotted point with the same numbers as /api/curves, as an attachment with a safe name", async () => {
    const res = await figure(`${task}.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const disposition = res.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="figure_svg_onload_alert_1__[0-9a-f]{8}_acc_0shot_params\.csv"$/);
    const [header, ...rows] = (await res.text()).trimEnd().split("\r\n").map((l) => l.split(","));
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    const num = (v: string) => (v === "" ? null : Number(v));

    const curves = curvesResponseSchema.parse(await (await getCurvesRoute(new Request(`http://127.0.0.1/api/curves?task=${encodeURIComponent(task)}`))).json());
    const expected = curves.series.flatMap((s) => s.points.map((p) => ({ family: s.family, ...p })));
    expect(rows).toHaveLength(11);
    expect(rows.map((r) => ({
      family: col(r, "family"), model: col(r, "model"), x: num(col(r, "x")), xEstimated: col(r, "x_estimated") === "true",
      value: num(col(r, "value")), stderr: num(col(r, "stderr")), n: num(col(r, "n")), uploadId: num(col(r, "upload_id")), fileName: col(r, "file_name"),
    }))).toEqual(expected);
    const shaByFile = new Map(files.map((f) => [f.name, sha256(f.bytes)]));
    for (const r of rows) expect(col(r, "upload_sha256")).toBe(shaByFile.get(col(r, "file_name")));
    // missing is empty, never 0: the n=1000 rows have no stderr, the others no n
    expect(rows.filter((r) => col(r, "stderr") === "").map((r) => col(r, "n"))).toEqual(["1000", "1000", "1000"]);
  });

  it("gives JSON the same rows plus verdicts from /api/analysis, caption and citation with sha256", async () => {
    const res = await figure(`${task}.json`, "x=params");
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = await json(res);
    const analysis = analysisResponseSchema.parse(await (await getAnalysisRoute(new Request(`http://127.0.0.1/api/analysis?task=${encodeURIComponent(task)}`))).json());
    const verdicts = new Map(analysis.analyses.map((a) => [a.family, a.verdict]));
    expect(verdicts.size).toBe(2);
    for (const p of body.points) expect(p.verdict).toBe(verdicts.get(p.family));
    for (const f of files) expect(body.citation).toContain(`${f.name} (csv-long), sha256 ${sha256(f.bytes)}`);
    expect(body.caption).toContain("2 model families, 11 points");
    expect(body.provenance.reproduce).toBe(`/api/figures/${encodeURIComponent(task)}.{svg,png,pdf,csv,json,txt}?metric=acc&shots=0&x=params&preset=single&dpi=300`);
  });

  it("ships the caption and citation as text beside the data", async () => {
    const res = await figure(`${task}.txt`);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/_acc_0shot_params\.txt"$/);
    const text = await res.text();
    expect(text).toContain("Dashed line: chance (0.25; 4 options).");
    for (const f of files) expect(text).toContain(`sha256 ${sha256(f.bytes)}`);
  });

  it("draws only the families asked for", async () => {
    const body = await json(await figure(`${task}.json`, "families=Llama-2"));
    expect(body.points.map((p: { family: string }) => p.family)).toEqual(["Llama-2", "Llama-2", "Llama-2"]);
  });
});

describe("GET /api/figures/<task>.svg, .png, .pdf", () => {
  it("SVG: well-formed, one legend entry and one trace per family, chance line, axis labels, the task name as text", async () => {
    const res = await figure(`${task}.svg`);
    expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.svg"$/);
    const svg = await res.text();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain("<svg onload");
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(svg);
    expect(doc.svg.title).toContain(`${task}: acc (0-shot)`);
    const groups = doc.svg.g as { class: string; g?: { "data-family": string }[] }[];
    expect(groups.find((g) => g.class === "legend")!.g!.map((e) => e["data-family"])).toEqual(["Llama-2", "Pythia"]);
    expect(svg.match(/class="trace[^"]*"/g)).toHaveLength(2);
    expect(svg).toMatch(/class="chance-line"/);
    expect(svg).toContain(">Parameters (log scale)</text>");
    expect(svg).toContain(">acc (0-shot)</text>");
  });

  it("PNG: the preset's size at the requested dpi, with a pHYs chunk saying it", async () => {
    const res = await figure(`${task}.png`, "preset=double&dpi=150");
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = new Uint8Array(await res.arrayBuffer());
    expect(readPngSize(png)).toEqual({ width: 1013, height: 525 });
    expect(readPngDpi(png)).toEqual({ x: 150, y: 150 });
  });

  it("PDF: renders with pdftoppm and keeps its labels as text", async () => {
    const res = await figure(`${task}.pdf`, "preset=slide");
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const dir = mkdtempSync(path.join(tmpdir(), "figure-route-"));
    const file = path.join(dir, "figure.pdf");
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
    execFileSync("pdftoppm", ["-r", "30", "-png", "-singlefile", file, path.join(dir, "page")]);
    expect(readPngSize(new Uint8Array(execFileSync("cat", [path.join(dir, "page.png")])))).toEqual({ width: 300, height: 169 });
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(text).toContain("Parameters (log scale)");
    expect(text).toContain("Pythia");
  });
});

describe("GET /api/figures errors", () => {
  it("422 when nothing would be plotted: every result lacks a scale on the axis", async () => {
    const res = await figure(`${unplacedTask}.svg`);
    expect(res.status).toBe(422);
    const body = apiErrorSchema.parse(await res.json());
    expect(body.error.code).toBe("no_points");
    expect(body.error.message).toMatch(/nothing to plot: 1 result\(s\) have no parameters/);
  });

  it.each([
    ["unknown task", `${uniqueName("nope")}.svg`, ""],
    ["metric the task lacks", `${task}.csv`, "metric=bleu"],
    ["family the view lacks", `${task}.png`, "families=Pythia,GPT-9"],
  ])("%s -> 404", async (_, file, query) => {
    const res = await figure(file, query);
    expect(res.status).toBe(404);
    expect(apiErrorSchema.parse(await res.json()).error.code).toBe("not_found");
  });

  it.each([
    ["format", `${task}.gif`, "", "file"],
    ["dpi", `${task}.png`, "dpi=10", "dpi"],
    ["preset", `${task}.svg`, "preset=poster", "preset"],
    ["custom without width", `${task}.pdf`, "preset=custom", "width"],
    ["axis", `${task}.csv`, "x=banana", "x"],
  ])("bad %s -> 400 naming the parameter", async (_, file, query, field) => {
    const res = await figure(file, query);
    expect(res.status).toBe(400);
    expect(apiErrorSchema.parse(await res.json()).error.field).toBe(field);
  });

  it("400 naming dpi when the PNG would be too large", async () => {
    const res = await figure(`${task}.png`, "preset=custom&width=30&height=30&dpi=1200");
    expect(res.status).toBe(400);
    expect(apiErrorSchema.parse(await res.json()).error.message).toMatch(/^dpi: 1200 dpi at 30.00 × 30.00 in is 36000 × 36000 pixels/);
  });
});

describe("a view larger than the chart draws (3,100 checkpoints of one model)", () => {
  const bigTask = uniqueName("figure_big");
  const query = "x=checkpoint&model=pythia-70m";

  beforeAll(async () => {
    const rows = Array.from({ length: 3100 }, (_, i) => ({
      model: "pythia-70m", task: bigTask, metric: "acc", shots: 0, value: 0.25 + (i % 50) / 1000, stderr: 0.01, revision: `step${(i + 1) * 10}`,
    }));
    const outcome = await ingestFile({ fileName: "pythia-70m-checkpoints.csv", bytes: longCsv(rows), registry: await buildRegistry() });
    if (!outcome.ok) throw new Error(outcome.error);
  }, 60_000);

  it("draws at most 3,000 markers, and the CSV and JSON list all 3,100 points", async () => {
    const svg = await (await figure(`${bigTask}.svg`, query)).text();
    const markers = svg.match(/<path class="marker/g) ?? [];
    expect(markers.length).toBeGreaterThan(0);
    expect(markers.length).toBeLessThanOrEqual(3000);
    const csv = (await (await figure(`${bigTask}.csv`, query)).text()).trimEnd().split("\r\n");
    expect(csv).toHaveLength(3101);
    const points = (await json(await figure(`${bigTask}.json`, query))).points as { model: string; x: number }[];
    expect(points).toHaveLength(3100);
    expect(new Set(points.map((p) => p.x)).size).toBe(3100);
  });
});
