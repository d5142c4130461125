import { describe, expect, it } from "vitest";
import { DEFAULT_EXPORT_FORM, toExportView, toPanelExportView } from "./export-form";
import { toFigureUrl, toPanelFigureUrl } from "./figure-view";

const query = { task: "lambada openai", metric: "acc", shots: 0, x: "params" as const };

describe("toExportView", () => {
  it("turns the page's view and the defaults into the figure URL scripts would use", () => {
    const result = toExportView(query, undefined, DEFAULT_EXPORT_FORM);
    if (!("view" in result)) throw new Error(result.error);
    expect(toFigureUrl(result.view, "png")).toBe("/api/figures/lambada%20openai.png?metric=acc&shots=0&x=params&preset=single&dpi=300");
  });

  it("names the page's families, and custom sizes and fonts", () => {
    const result = toExportView(query, ["OPT"], { preset: "custom", width: "5", height: "", font: "10", dpi: "600" });
    if (!("view" in result)) throw new Error(result.error);
    expect(toFigureUrl(result.view, "svg")).toBe("/api/figures/lambada%20openai.svg?metric=acc&shots=0&x=params&families=OPT&preset=custom&width=5&font=10&dpi=600");
  });

  it.each([
    [{ preset: "custom" as const }, "width: is required with preset=custom (inches)"],
    [{ dpi: "20" }, "dpi: "],
    [{ font: "1" }, "font: "],
  ])("names the field at fault: %j", (change, message) => {
    const result = toExportView(query, undefined, { ...DEFAULT_EXPORT_FORM, ...change });
    expect("error" in result && result.error).toContain(message);
  });
});

describe("toPanelExportView", () => {
  it("writes a panel's figure URL: view, its API's own parameters, then the drawing options", () => {
    const loss = toPanelExportView({ view: "loss", task: "lambada_openai", metric: "acc", shots: 0, ref: "lambada_openai:ppl" }, DEFAULT_EXPORT_FORM);
    if (!("view" in loss)) throw new Error(loss.error);
    expect(toPanelFigureUrl(loss.view, "svg")).toBe("/api/figures/lambada_openai.svg?view=loss&metric=acc&shots=0&ref=lambada_openai%3Appl&preset=single&dpi=300");
    const forecast = toPanelExportView(
      { view: "forecast", task: "lambada_openai", metric: "acc", shots: 0, x: "flops", form: "linear", cutoff: 2e22, level: 0.9, families: ["Pythia"] },
      { ...DEFAULT_EXPORT_FORM, preset: "double", dpi: "600" },
    );
    if (!("view" in forecast)) throw new Error(forecast.error);
    expect(toPanelFigureUrl(forecast.view, "png")).toBe("/api/figures/lambada_openai.png?view=forecast&metric=acc&shots=0&x=flops&form=linear&cutoff=2e%2B22&level=0.9&families=Pythia&preset=double&dpi=600");
  });

  it("names a bad field as the route would", () => {
    const result = toPanelExportView({ view: "pooled", task: "t", x: "flops" }, { ...DEFAULT_EXPORT_FORM, font: "99" });
    expect(result).toEqual({ error: expect.stringMatching(/^font: /) });
  });
});
