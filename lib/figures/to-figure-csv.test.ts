import { describe, expect, it } from "vitest";
import { neutralizeCell, toCsvCell, toFigureCsv } from "./to-figure-csv";
import { prepareFigure } from "./prepare-figure";
import { figureCurves, figureInput } from "./testing/figure-fixture";

/** A minimal RFC 4180 reader for the round trip. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; }
    else cell += c;
  }
  return rows;
}

describe("neutralizeCell", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"],
    ["+1+2", "'+1+2"], ["-2+3", "'-2+3"], ["@SUM(A1)", "'@SUM(A1)"], ["\tcmd", "'\tcmd"], ["\rcmd", "'\rcmd"],
    ["pythia-1b", "pythia-1b"], ["a=b", "a=b"],
  ])("%j -> %j", (input, output) => {
    expect(neutralizeCell(input)).toBe(output);
  });
});

describe("toCsvCell", () => {
  it("writes null as an empty cell, numbers in round-trip form, and quotes separators", () => {
    expect(toCsvCell(null)).toBe("");
    expect(toCsvCell(0)).toBe("0");
    expect(toCsvCell(-0.25)).toBe("-0.25");
    expect(toCsvCell(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(toCsvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(toCsvCell("=1,2")).toBe(`"'=1,2"`);
  });
});

describe("toFigureCsv", () => {
  it("round-trips every plotted point's numbers, with missing values empty", () => {
    const curves = figureCurves();
    curves.series[1].family = "=cmd|' /C calc'!A0";
    const prepared = prepareFigure(figureInput({ curves }));
    if (prepared.kind !== "ready") throw new Error("expected a figure");
    const [header, ...rows] = readCsv(toFigureCsv(prepared.figure));
    expect(header).toEqual([
      "task", "metric", "shots", "axis", "family", "model", "x", "x_estimated", "parameters", "training_tokens", "training_flops",
      "value", "stderr", "error_bar", "n", "verdict", "vs_chance", "upload_id", "file_name", "upload_sha256",
    ]);
    const col = (name: string) => rows.map((r) => r[header.indexOf(name)]);
    const points = curves.series.flatMap((s) => s.points);
    expect(col("x").map(Number)).toEqual(points.map((p) => p.x));
    expect(col("value").map(Number)).toEqual(points.map((p) => p.value));
    expect(col("stderr").map((v) => (v === "" ? null : Number(v)))).toEqual(points.map((p) => p.stderr));
    expect(col("n").map((v) => (v === "" ? null : Number(v)))).toEqual(points.map((p) => p.n));
    expect(col("family").slice(3)).toEqual(["'=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"]);
    expect(col("training_flops").every((v) => v === "")).toBe(true);
  });
});
