import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareFigure } from "./prepare-figure";
import { renderFigureSvg } from "./render-figure-svg";
import { renderPng } from "./render-png";
import { renderPdf } from "./render-pdf";
import { toFigureSize, toPixelSize } from "./figure-size";
import { readPngDpi, readPngSize } from "./png-dpi";
import { figureInput } from "./testing/figure-fixture";

function figure() {
  const prepared = prepareFigure(figureInput());
  if (prepared.kind !== "ready") throw new Error("expected a figure");
  return prepared.figure;
}

describe("renderPng", () => {
  it.each([["single", 300], ["double", 150], ["slide", 96], ["custom", 200]] as const)("%s at %i dpi has that pixel size and a pHYs saying it", (preset, dpi) => {
    const size = toFigureSize({ preset, width: preset === "custom" ? 4.2 : undefined });
    const png = renderPng(renderFigureSvg(figure(), size, { dpi }).svg, dpi);
    expect(readPngSize(png)).toEqual(toPixelSize(size, dpi));
    expect(readPngDpi(png)).toEqual({ x: dpi, y: dpi });
  });
});

describe("renderPdf", () => {
  it("is one vector page of the figure's size that poppler renders, with its text as text", async () => {
    const size = toFigureSize({ preset: "double" });
    const { svg, width, height } = renderFigureSvg(figure(), size, { points: true });
    const pdf = await renderPdf(svg, { width, height }, figure());
    const dir = mkdtempSync(path.join(tmpdir(), "figure-pdf-"));
    const file = path.join(dir, "figure.pdf");
    writeFileSync(file, pdf);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Pages:\s+1/);
    expect(info).toMatch(/Page size:\s+486 x 252 pts/);
    expect(info).toMatch(/Title:\s+arc_easy: acc \(0-shot\) against Parameters/);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    for (const label of ["Parameters (log scale)", "acc (0-shot)", "Pythia (abrupt)", "OPT", "chance 0.25", "100M"]) expect(text).toContain(label);
    expect(execFileSync("pdffonts", [file], { encoding: "utf8" })).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes/);
    // vector: no raster image anywhere in the file
    expect(execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).trim().split("\n")).toHaveLength(2);
    execFileSync("pdftoppm", ["-r", "72", "-png", file, path.join(dir, "page")]);
    const page = readdirSync(dir).find((f) => f.startsWith("page"))!;
    expect(readPngSize(readFileSync(path.join(dir, page)))).toEqual({ width: 486, height: 252 });
    expect(Buffer.from(pdf).toString("latin1")).toContain("/Citation");
  });
});
