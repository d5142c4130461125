import { describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { prepareFigure } from "./prepare-figure";
import { renderFigureSvg } from "./render-figure-svg";
import { toFigureSize } from "./figure-size";
import { figureCurves, figureInput } from "./testing/figure-fixture";
import type { FigureInput } from "./prepare-figure";

function svgOf(overrides: Partial<FigureInput> = {}, preset: "single" | "double" | "slide" = "single") {
  const prepared = prepareFigure(figureInput(overrides));
  if (prepared.kind !== "ready") throw new Error(`expected a figure, got ${prepared.kind}`);
  return renderFigureSvg(prepared.figure, toFigureSize({ preset }));
}

type Node = Record<string, unknown>;
/** Every element named `name` anywhere in the parsed document, with its attributes. */
function elements(node: unknown, name: string, out: Node[] = []): Node[] {
  if (Array.isArray(node)) node.forEach((n) => elements(n, name, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node as Node)) {
      if (key === name) (Array.isArray(value) ? value : [value]).forEach((v) => out.push(v as Node));
      elements(value, name, out);
    }
  }
  return out;
}

const parse = (svg: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", parseTagValue: false, parseAttributeValue: false }).parse(svg);
const text = (n: Node) => String(n["#text"] ?? "");

describe("renderFigureSvg", () => {
  it("is well-formed XML with the size in inches, the font named and the provenance embedded", () => {
    const { svg, width, height } = svgOf();
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = parse(svg).svg as Node;
    expect(root).toMatchObject({ xmlns: "http://www.w3.org/2000/svg", width: "3.25in", height: "2.5in", "font-family": "DejaVu Sans" });
    expect([width, height]).toEqual([3.25, 2.5]);
    expect(String(root.desc)).toContain("Dashed line: chance (0.25; 4 options)");
    const provenance = JSON.parse(text(elements(root, "metadata")[0]) || String(root.metadata));
    expect(provenance.sources.map((s: { sha256: string }) => s.sha256)).toEqual(["a".repeat(64), "b".repeat(64)]);
    expect(provenance.citation).toContain("arXiv:2304.01373");
  });

  it("draws its own legend, one trace per family, error bars, the chance line, threshold band and axis labels", () => {
    const root = parse(svgOf().svg).svg as Node;
    const legend = elements(root, "g").filter((g) => g.class === "legend-entry");
    expect(legend.map((g) => text(g.text as Node))).toEqual(["Pythia (abrupt)", "OPT"]);
    const families = elements(root, "g").filter((g) => g.class === "family");
    expect(families.map((g) => g["data-family"])).toEqual(["Pythia", "OPT"]);
    for (const g of families) {
      const paths = elements(g, "path");
      expect(paths.filter((p) => String(p.class).split(" ").includes("trace"))).toHaveLength(1);
    }
    const pythia = elements(families[0], "path");
    expect(pythia.find((p) => p.class === "trace fit")).toBeDefined();
    expect(pythia.filter((p) => String(p.class).startsWith("marker"))).toHaveLength(3);
    // two of Pythia's points are above chance (filled); the smallest is hollow
    expect(pythia.filter((p) => p.class === "marker above-chance")).toHaveLength(2);
    expect(pythia.find((p) => p.class === "error-bars")).toBeDefined();
    expect(elements(root, "line").filter((l) => l.class === "chance-line")).toHaveLength(1);
    expect(elements(root, "rect").filter((r) => r.class === "threshold-band")).toHaveLength(1);
    const labels = elements(root, "text").filter((t) => String(t.class).startsWith("axis-label")).map(text);
    expect(labels).toEqual(["Parameters (log scale)", "acc (0-shot)"]);
    const ticks = elements(root, "g").find((g) => g.class === "tick-labels")!;
    expect(elements(ticks, "text").map(text)).toEqual(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "100M", "1B", "10B"]);
  });

  it("writes the root size in pixels at a resolution, or in points for PDF", () => {
    const prepared = prepareFigure(figureInput());
    if (prepared.kind !== "ready") throw new Error("expected a figure");
    const size = toFigureSize({ preset: "double" });
    expect(parse(renderFigureSvg(prepared.figure, size, { dpi: 300 }).svg).svg).toMatchObject({ width: "2025", height: "1050", viewBox: "0 0 486 252" });
    expect(parse(renderFigureSvg(prepared.figure, size, { points: true }).svg).svg).toMatchObject({ width: "486", height: "252" });
  });

  it("is deterministic", () => {
    expect(svgOf().svg).toBe(svgOf().svg);
  });

  it("keeps hostile names as text: no script, event attribute or outside reference survives", () => {
    const hostile = [
      `<script>alert(1)</script>`,
      `" onload="alert(1)`,
      `<img src=x onerror=alert(1)>`,
      `<a href="javascript:alert(1)">x</a>`,
      `<image href="https://evil.example/x.png"/>`,
      `]]><!ENTITY x SYSTEM "file:///etc/passwd">\u0001`,
    ];
    const curves = figureCurves();
    curves.series = hostile.map((family, i) => ({
      family, points: [{ ...curves.series[0].points[0], model: `${family} model`, x: 1e8 * (i + 1) }],
    }));
    curves.task.name = `<svg onload=alert(1)>`;
    const { svg } = svgOf({ curves, analyses: [] });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/<(script|img|image|a|foreignObject|iframe|use)\b/i);
    expect(svg).not.toMatch(/<!ENTITY|<!DOCTYPE/);
    const names = new Set<string>();
    const attributes: [string, string][] = [];
    const walk = (node: unknown, name: string) => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, name));
      if (!node || typeof node !== "object") return;
      names.add(name);
      for (const [key, value] of Object.entries(node as Node)) {
        if (key.startsWith("@_")) attributes.push([key.slice(2), String(value)]);
        else if (key !== "#text") walk(value, key);
      }
    };
    walk(new XMLParser({ ignoreAttributes: false }).parse(svg), "#document");
    expect([...names].filter((n) => !["#document", "?xml", "svg", "title", "desc", "metadata", "defs", "clipPath", "rect", "g", "line", "path", "text"].includes(n))).toEqual([]);
    expect(attributes.filter(([k]) => /^on/i.test(k) || /href$/i.test(k))).toEqual([]);
    // the only reference anywhere is the figure's own clip path
    expect(attributes.filter(([, v]) => /url\(|javascript:/i.test(v) && v !== "url(#plot-area)").map(([k]) => k)).toEqual(["data-family", "data-family"]);
    const root = parse(svg).svg as Node;
    const legend = elements(root, "g").filter((g) => g.class === "legend-entry");
    expect(legend.map((g) => g["data-family"])).toEqual(hostile.map((h) => h.replace("\u0001", "\uFFFD")));
  });

  it("shortens a legend name too long for the figure's width", () => {
    const curves = figureCurves();
    curves.series[1].family = "A".repeat(300);
    const root = parse(svgOf({ curves }).svg).svg as Node;
    const legend = elements(root, "g").filter((g) => g.class === "legend-entry").map((g) => text(g.text as Node));
    expect(legend[1]).toMatch(/^A+…$/);
    // 3.25 in = 234 pt; at 8 pt, about 0.6 em a character, the label stays inside
    expect(legend[1].length * 8 * 0.6).toBeLessThan(234);
  });

  it("grows taller, not narrower, when many families need legend rows", () => {
    const curves = figureCurves();
    curves.series = Array.from({ length: 30 }, (_, i) => ({ family: `Family number ${i}`, points: [{ ...curves.series[0].points[0], x: 1e8 + i }] }));
    const { width, height } = svgOf({ curves, analyses: [] });
    expect(width).toBe(3.25);
    expect(height).toBeGreaterThan(2.5);
  });
});
