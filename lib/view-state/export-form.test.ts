import { describe, expect, it } from "vitest";
import { DEFAULT_EXPORT_FORM, toExportView } from "./export-form";
import { toFigureUrl } from "./figure-view";

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
