import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { GET as getFigure } from "./[file]/route";
import { GET as getLossRoute } from "../loss/route";
import { GET as getPooledRoute } from "../pooled/route";
import { GET as getForecastRoute } from "../forecast/route";
import { lossResponseSchema } from "@/lib/schemas/loss-axis";
import { pooledResponseSchema } from "@/lib/schemas/pooled";
import { forecastResponseSchema } from "@/lib/schemas/forecast";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { stopAnalysisThread } from "@/lib/services/analysis/analysis-process";
import { longCsv, uniqueName, type LongRow } from "@/lib/testing/factories";
import { readPngDpi, readPngSize } from "@/lib/figures/png-dpi";

const task = uniqueName("panel_figure");
const reference = uniqueName("panel_ref");
const PYTHIA = ["pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b", "pythia-2.8b", "pythia-6.9b", "pythia-12b"];
const DEDUPED = ["pythia-160m-deduped", "pythia-410m-deduped", "pythia-1b-deduped", "pythia-2.8b-deduped"];
const PPL = [120, 60, 30, 18, 14, 10, 8];
let bytes: Uint8Array;

const figure = (file: string, query: string) =>
  getFigure(new Request(`http://127.0.0.1/api/figures/${encodeURIComponent(file)}?${query}`), { params: Promise.resolve({ file }) });
const apiGet = async (route: (r: Request) => Promise<Response>, path: string, query: string) => (await route(new Request(`http://127.0.0.1/api/${path}?task=${task}&${query}`))).json();
const csvOf = async (res: Response) => {
  const [header, ...rows] = (await res.text()).trimEnd().split("\r\n").map((l) => l.split(","));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
};
const num = (v: string) => (v === "" ? null : Number(v));

const LOSS = `view=loss&ref=${reference}:ppl`;
const POOLED = "view=pooled&x=params";
const FORECAST = "view=forecast&x=params&form=linear&cutoff=2000000000";

beforeAll(async () => {
  // Pythia rises with scale and has the reference perplexity for all but its largest; the deduped family
  // rises a little behind and has no perplexity (unplaced on the loss axis)
  const rows: LongRow[] = [
    ...PYTHIA.map((model, i) => ({ model, task, metric: "acc", value: [0.26, 0.27, 0.3, 0.36, 0.43, 0.52, 0.62, 0.68][i], stderr: 0.01, shots: 0 })),
    ...DEDUPED.map((model, i) => ({ model, task, metric: "acc", value: [0.26, 0.28, 0.33, 0.48][i], stderr: 0.01, shots: 0 })),
    ...PYTHIA.slice(0, -1).map((model, i) => ({ model, task: reference, metric: "ppl", value: PPL[i], shots: 0 })),
  ];
  bytes = longCsv(rows);
  const outcome = await ingestFile({ fileName: "panel-figures.csv", bytes, registry: await buildRegistry() });
  if (!outcome.ok) throw new Error(outcome.error);
}, 60_000);
afterAll(() => stopAnalysisThread());

describe.each([
  ["loss", LOSS],
  ["pooled", POOLED],
  ["forecast", FORECAST],
])("GET /api/figures/<task>.<format>?view=%s", (view, query) => {
  it("PNG at the preset's size and dpi, PDF and SVG well-formed, each an attachment named after the view", async () => {
    const png = await figure(`${task}.png`, `${query}&preset=double&dpi=150`);
    expect(png.status).toBe(200);
    expect(png.headers.get("content-disposition")).toContain(`_${view}_`);
    const pngBytes = new Uint8Array(await png.arrayBuffer());
    expect([...pngBytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(readPngSize(pngBytes).width).toBe(1013);
    expect(readPngDpi(pngBytes)).toEqual({ x: 150, y: 150 });
    const pdf = await figure(`${task}.pdf`, query);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    const svg = await (await figure(`${task}.svg`, `${query}&preset=slide`)).text();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('width="10in"');
  });

  it("TXT and JSON carry the same caption, and the citation names the uploaded file by sha256", async () => {
    const txt = await (await figure(`${task}.txt`, query)).text();
    const json = await (await figure(`${task}.json`, query)).json();
    expect(txt).toContain(json.caption);
    const sha = createHash("sha256").update(bytes).digest("hex");
    expect(json.citation).toContain(`panel-figures.csv (csv-long), sha256 ${sha}`);
    expect(json.provenance.reproduce).toMatch(new RegExp(`^/api/figures/${task}\\.\\{svg,png,pdf,csv,json,txt\\}\\?view=${view}&metric=acc&shots=0&`));
  });
});

describe("the loss figure", () => {
  it("CSV: the placed models at their reference value and the unplaced ones with no loss, as /api/loss has them", async () => {
    const api = lossResponseSchema.parse(await apiGet(getLossRoute, "loss", `ref=${reference}:ppl`));
    const rows = await csvOf(await figure(`${task}.csv`, LOSS));
    const placed = rows.filter((r) => r.placed === "true");
    expect(placed.map((r) => ({ model: r.model, loss: num(r.loss), value: num(r.value) }))).toEqual(
      api.series.flatMap((s) => s.points.map((p) => ({ model: p.model, loss: p.loss, value: p.value }))),
    );
    expect(placed).toHaveLength(7);
    expect(rows.filter((r) => r.placed === "false").map((r) => [r.model, r.loss]).sort()).toEqual(
      api.unplaced.map((u) => [u.model, ""]).sort(),
    );
    expect(new Set(rows.map((r) => r.reference))).toEqual(new Set([`${reference}:ppl`]));
  });

  it("SVG: the reference axis decreasing to the right (lower perplexity drawn further right)", async () => {
    const svg = await (await figure(`${task}.svg`, LOSS)).text();
    expect(svg).toContain(`>${reference} ppl (0-shot) (log scale, decreasing)</text>`);
    const group = svg.slice(svg.indexOf('<g class="family" data-family="Pythia">'));
    const xs = [...group.slice(0, group.indexOf("</g>")).matchAll(/<path class="marker[^"]*" d="M([\d.]+) /g)].map((m) => Number(m[1]));
    expect(xs).toHaveLength(7);
    // the markers come in the API's order, highest perplexity first: each further right than the one before
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]);
  });

  it("caption: the reference, the axis direction, what was fitted, and every unplaced model", async () => {
    const caption = (await (await figure(`${task}.json`, LOSS)).json()).caption as string;
    expect(caption).toContain(`against each model's ${reference}:ppl`);
    expect(caption).toContain("decreasing to the right");
    expect(caption).toContain(`fit by AICc of acc on log ${reference}:ppl`);
    expect(caption).toMatch(/Unplaced \(no .+, so not drawn and not fitted\): 5 models, /);
    for (const model of ["pythia-12b", ...DEDUPED]) expect(caption).toContain(model);
  });
});

describe("the pooled figure", () => {
  it("CSV: every pooled point at its shifted scale with its family's offset, as /api/pooled has them", async () => {
    const api = pooledResponseSchema.parse(await apiGet(getPooledRoute, "pooled", "x=params"));
    const pooled = api.pooled!;
    const rows = await csvOf(await figure(`${task}.csv`, POOLED));
    expect(rows).toHaveLength(pooled.analysis.points.length);
    expect(rows.map((r) => ({ model: `${r.family}: ${r.model}`, x: num(r.x_shifted), value: num(r.value) }))).toEqual(
      pooled.analysis.points.map((p) => ({ model: p.model, x: p.x, value: p.value })),
    );
    for (const r of rows) {
      const family = pooled.families.find((f) => f.family === r.family)!;
      expect(num(r.offset_decades)).toBe(family.shift);
      expect(num(r.x)! * 10 ** family.shift!).toBeCloseTo(num(r.x_shifted)!, -3);
      expect(r.pooled_verdict).toBe(pooled.analysis.verdict);
    }
  });

  it("SVG: one group per family and the pooled curve, legends with offsets; caption with model, verdict and assumption", async () => {
    const api = pooledResponseSchema.parse(await apiGet(getPooledRoute, "pooled", "x=params"));
    const pooled = api.pooled!;
    const svg = await (await figure(`${task}.svg`, POOLED)).text();
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(svg);
    const groups = doc.svg.g as { class: string; "data-family"?: string }[];
    expect(groups.filter((g) => g.class === "family").map((g) => g["data-family"]).sort()).toEqual(["(pooled)", "Pythia", "Pythia-deduped"]);
    expect(svg).toMatch(/class="trace fit"/);
    const caption = (await (await figure(`${task}.txt`, POOLED)).text());
    expect(caption).toContain(`of 2 model families pooled on one curve against parameters (log scale), in the units of the reference family ${pooled.reference}`);
    expect(caption).toContain("Model: one curve in log parameters (best of linear, logistic and hinge by AICc) fitted to the 12 points");
    expect(caption).toContain(api.assumption);
    expect(caption).toContain(`${pooled.reference} (the reference, offset 0)`);
    for (const f of pooled.families.filter((f) => f.family !== pooled.reference)) {
      expect(caption).toContain(`${f.family} ${f.shift! >= 0 ? "+" : ""}${f.shift!.toFixed(2)} [${f.interval![0].toFixed(2)}, ${f.interval![1].toFixed(2)}] decades`);
    }
    expect(caption).toMatch(new RegExp(`Pooled verdict \\(Emergence Atlas, α = 0.05\\): ${pooled.analysis.verdict.replace("-", " ")}`));
  });
});

describe("the forecast figure", () => {
  it("CSV: the fitted and held-out measurements and the band, with the forecast of each held-out size as /api/forecast has it", async () => {
    const api = forecastResponseSchema.parse(await apiGet(getForecastRoute, "forecast", "x=params&form=linear&cutoff=2000000000"));
    const rows = await csvOf(await figure(`${task}.csv`, FORECAST));
    for (const f of api.families.filter((f) => f.band.length > 0)) {
      const mine = rows.filter((r) => r.family === f.family);
      expect(mine.filter((r) => r.role === "fitted")).toHaveLength(f.trained);
      const held = mine.filter((r) => r.role === "held-out");
      expect(held.map((r) => ({ observed: num(r.observed), forecast: num(r.forecast), lower: num(r.lower), upper: num(r.upper), inside: r.inside === "true" }))).toEqual(
        f.heldOut.map((p) => ({ observed: p.observed, forecast: p.mean, lower: p.lower, upper: p.upper, inside: p.inside })),
      );
      // the CSV gives the measured size; the API's comes back through log10 and 10^t
      held.forEach((r, i) => expect(num(r.x)! / f.heldOut[i].x).toBeCloseTo(1, 9));
      expect(mine.filter((r) => r.role === "band").map((r) => [num(r.x), num(r.lower), num(r.upper)])).toEqual(f.band.map((p) => [p.x, p.lower, p.upper]));
    }
    const pythia = api.families.find((f) => f.family === "Pythia")!;
    expect(pythia).toMatchObject({ trained: 5 });
    expect(pythia.heldOut).toHaveLength(3);
  });

  it("SVG: the band and forecast line per family and the cutoff line; families= draws only those named", async () => {
    const svg = await (await figure(`${task}.svg`, FORECAST)).text();
    expect(svg.match(/class="prediction-band"/g)?.length).toBeGreaterThanOrEqual(1);
    expect(svg).toContain('class="prediction-band" data-family="Pythia"');
    expect(svg).toContain(">cutoff 2B</text>");
    const one = await (await figure(`${task}.svg`, `${FORECAST}&families=Pythia`)).text();
    expect(one.match(/class="prediction-band"/g)).toHaveLength(1);
    expect(one.match(/<g class="family"/g)).toHaveLength(1);
  });

  it("caption: the form, the cutoff and axis, how many sizes were fitted and forecast, the band's level and the error", async () => {
    const api = forecastResponseSchema.parse(await apiGet(getForecastRoute, "forecast", "x=params&form=linear&cutoff=2000000000&level=0.8"));
    const pythia = api.families.find((f) => f.family === "Pythia")!;
    const caption = (await (await figure(`${task}.json`, `${FORECAST}&level=0.8&families=Pythia`)).json()).caption as string;
    expect(caption).toContain("forecast by the linear form (linear in log-scale) fitted to each family's sizes below the cutoff of 2B parameters");
    expect(caption).toContain("80% prediction band (nominal level");
    const inside = pythia.heldOut.filter((p) => p.inside).length;
    expect(caption).toContain(`Pythia: fitted on 5 sizes below the cutoff, forecast 3 measured at or above it; mean absolute error ${Number(pythia.mae!.toPrecision(3))} (acc (0-shot)), ${inside} of 3 inside the 80% band.`);
  });
});

describe("bad panel parameters", () => {
  it.each([
    ["view", "view=banana", "view"],
    ["loss reference", "view=loss&ref=ppl", "ref"],
    ["forecast form", "view=forecast&form=cubic", "form"],
    ["forecast level", "view=forecast&level=2", "level"],
    ["pooled axis", "view=pooled&x=checkpoint", "x"],
    ["size with a panel", "view=pooled&preset=custom", "width"],
  ])("%s -> 400 naming the field", async (_, query, field) => {
    const res = await figure(`${task}.svg`, query);
    expect(res.status).toBe(400);
    expect(apiErrorSchema.parse(await res.json()).error.field).toBe(field);
  });

  it("a family the forecast lacks -> 404 naming it", async () => {
    const res = await figure(`${task}.svg`, `${FORECAST}&families=GPT-9`);
    expect(res.status).toBe(404);
    expect(apiErrorSchema.parse(await res.json()).error.message).toMatch(/families: no "GPT-9"/);
  });
});
