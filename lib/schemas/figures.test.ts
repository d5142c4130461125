import { describe, expect, it } from "vitest";
import { figureParamsSchema, figureQuerySchema } from "./figures";

describe("figureParamsSchema", () => {
  it("splits <task>.<format> at the last dot", () => {
    expect(figureParamsSchema.parse({ file: "lambada_openai.svg" }).file).toEqual({ task: "lambada_openai", format: "svg" });
    expect(figureParamsSchema.parse({ file: "bigbench.arith 3da.csv" }).file).toEqual({ task: "bigbench.arith 3da", format: "csv" });
    expect(figureParamsSchema.safeParse({ file: "lambada.gif" }).success).toBe(false);
    expect(figureParamsSchema.parse({ file: "lambada.txt" }).file.format).toBe("txt");
    expect(figureParamsSchema.safeParse({ file: ".svg" }).success).toBe(false);
  });
});

describe("figureQuerySchema", () => {
  it("defaults to a single-column figure at 300 dpi", () => {
    expect(figureQuerySchema.parse({})).toEqual({ x: "params", preset: "single", dpi: 300 });
  });

  it("reads the page's parameters and the drawing options", () => {
    expect(figureQuerySchema.parse({ metric: "acc", shots: "5", x: "flops", families: " Pythia, OPT ,Pythia", preset: "custom", width: "4.5", font: "7", dpi: "600" }))
      .toEqual({ metric: "acc", shots: 5, x: "flops", families: ["Pythia", "OPT"], preset: "custom", width: 4.5, font: 7, dpi: 600 });
  });

  it.each([
    [{ dpi: "30" }, "dpi"], [{ dpi: "299.5" }, "dpi"], [{ dpi: "abc" }, "dpi"], [{ preset: "poster" }, "preset"],
    [{ preset: "custom" }, "width"], [{ width: "4" }, "width"], [{ preset: "custom", width: "100" }, "width"],
    [{ font: "2" }, "font"], [{ families: " , " }, "families"], [{ x: "loss" }, "x"], [{ shots: "many" }, "shots"],
  ])("%j is rejected naming %s", (query, field) => {
    const result = figureQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path[0]).toBe(field);
  });
});
