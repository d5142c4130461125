import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { XMLValidator } from "fast-xml-parser";
import { readPngDpi, readPngSize } from "@/lib/figures/png-dpi";

/** A legend entry: the family, then its verdict once analysed ("Pythia (abrupt)"). */
const legendOf = (family: string) => new RegExp(`^${family.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}( \\(.+\\))?$`);

/** Clicks one link of the open Export menu and returns the file it downloads. */
async function exportFile(page: Page, label: string): Promise<{ download: Download; bytes: Buffer }> {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: label, exact: true }).click();
  const download = await downloading;
  return { download, bytes: readFileSync((await download.path())!) };
}

async function openExport(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole("img", { name: /against/ }).first()).toBeVisible();
  await page.getByText("Export figure", { exact: true }).click();
}

test.describe("figure exports", () => {
  test("each export of LAMBADA downloads a file of its type with the figure's content", async ({ page, request }) => {
    await openExport(page, "/tasks/lambada_openai");

    const svg = await exportFile(page, "SVG");
    expect(svg.download.suggestedFilename()).toBe("lambada_openai_acc_0shot_params.svg");
    const svgText = svg.bytes.toString("utf8");
    expect(XMLValidator.validate(svgText)).toBe(true);
    expect(svgText).toContain('<g class="legend-entry" data-family="Pythia">');
    expect(svgText.match(/class="trace[^"]*"/g)).toHaveLength(1);
    expect(svgText).toContain('class="chance-line"');
    expect(svgText).toContain(">Parameters (log scale)</text>");
    expect(svgText).toContain("arXiv:2304.01373");

    const png = await exportFile(page, "PNG");
    expect(png.download.suggestedFilename()).toBe("lambada_openai_acc_0shot_params.png");
    expect(readPngSize(png.bytes)).toEqual({ width: 975, height: 750 });
    expect(readPngDpi(png.bytes)).toEqual({ x: 300, y: 300 });

    const pdf = await exportFile(page, "PDF");
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = execFileSync("pdftotext", [(await pdf.download.path())!, "-"], { encoding: "utf8" });
    expect(text).toContain("Parameters (log scale)");
    expect(text).toContain("Pythia");

    const csv = await exportFile(page, "CSV");
    expect(csv.download.suggestedFilename()).toBe("lambada_openai_acc_0shot_params.csv");
    const [header, ...rows] = csv.bytes.toString("utf8").trimEnd().split("\r\n").map((l) => l.split(","));
    const curves = await (await request.get("/api/curves?task=lambada_openai")).json();
    const points = curves.series.flatMap((s: { points: { value: number; x: number; stderr: number | null }[] }) => s.points);
    expect(rows.map((r) => Number(r[header.indexOf("value")]))).toEqual(points.map((p: { value: number }) => p.value));
    expect(rows.map((r) => Number(r[header.indexOf("x")]))).toEqual(points.map((p: { x: number }) => p.x));
    expect(rows.every((r) => r[header.indexOf("upload_sha256")].length === 64)).toBe(true);

    const json = JSON.parse((await exportFile(page, "JSON")).bytes.toString("utf8"));
    expect(json.points).toHaveLength(points.length);
    expect(json.citation).toMatch(/Pythia: A Suite for Analyzing Large Language Models/);

    const txt = await exportFile(page, "Caption & citation");
    expect(txt.download.suggestedFilename()).toBe("lambada_openai_acc_0shot_params.txt");
    expect(txt.bytes.toString("utf8")).toContain(json.citation);
  });

  test("size preset and dpi set the PNG's pixels, and a custom width the PDF's page", async ({ page }) => {
    await openExport(page, "/tasks/lambada_openai");
    await page.getByLabel("Size", { exact: true }).selectOption("double");
    await page.getByLabel("PNG dpi").fill("150");
    const png = await exportFile(page, "PNG");
    expect(readPngSize(png.bytes)).toEqual({ width: 1013, height: 525 });
    expect(readPngDpi(png.bytes)).toEqual({ x: 150, y: 150 });

    await page.getByLabel("Size", { exact: true }).selectOption("custom");
    await expect(page.getByRole("alert").filter({ hasText: "width:" })).toHaveText("width: is required with preset=custom (inches)");
    await expect(page.getByRole("link", { name: "PDF", exact: true })).toHaveCount(0);
    await page.getByLabel("Width (in)").fill("5");
    await page.getByLabel("Height (in)").fill("3");
    const pdf = await exportFile(page, "PDF");
    const info = execFileSync("pdfinfo", [(await pdf.download.path())!], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+360 x 216 pts/);
  });

  test("the page's export and the URL's are the same files, families included", async ({ page, request }) => {
    await page.goto("/tasks/arithmetic_3da?metric=acc&x=flops");
    const chart = page.getByRole("img", { name: /^arithmetic_3da: acc \(2-shot\) against Training FLOPs/ });
    await expect(chart).toBeVisible();
    await page.getByText(/^Families: \d+ of \d+$/).click();
    const boxes = page.getByRole("group", { name: "Families" }).getByRole("checkbox");
    const all = await boxes.count();
    expect(all).toBeGreaterThan(3);
    const names = await page.getByRole("group", { name: "Families" }).locator("label").allTextContents();
    const kept = names.slice(0, 2).map((n) => n.trim());
    // untick all but the first two, last first; the URL keeps the choice
    for (let i = all - 1; i >= 2; i--) {
      // a controlled checkbox: it turns off once the URL (the state) has changed
      await boxes.nth(i).click();
      await expect(boxes.nth(i)).not.toBeChecked();
    }
    await expect(page).toHaveURL(new RegExp(`families=${kept.map(encodeURIComponent).join("%2C")}`));
    await expect(chart.locator(".recharts-legend-item")).toHaveText(kept.map(legendOf));
    await page.getByText("Export figure", { exact: true }).click();
    const query = `metric=acc&x=flops&families=${kept.map(encodeURIComponent).join(",")}&preset=single&dpi=300`;
    for (const [label, ext] of [["SVG", "svg"], ["CSV", "csv"], ["JSON", "json"]]) {
      const fromPage = (await exportFile(page, label)).bytes.toString("utf8");
      const fromUrl = await (await request.get(`/api/figures/arithmetic_3da.${ext}?${query}`)).text();
      expect(fromPage).toBe(fromUrl);
    }
    const csv = (await exportFile(page, "CSV")).bytes.toString("utf8").trimEnd().split("\r\n").slice(1);
    expect(new Set(csv.map((line) => line.split(",")[4]))).toEqual(new Set(kept));

    // the page's URL, reloaded, draws the same families
    await page.goto(page.url());
    await expect(page.getByRole("img", { name: /^arithmetic_3da: acc/ }).locator(".recharts-legend-item")).toHaveText(kept.map(legendOf));
  });

  test("each chart of the metric comparison exports its own metric", async ({ page }) => {
    await page.goto("/tasks/lambada_openai");
    await expect(page.getByRole("img", { name: /^Compared: lambada_openai: ppl/ })).toBeVisible();
    const { download, bytes } = await exportFile(page, "ppl figure as CSV");
    expect(download.suggestedFilename()).toBe("lambada_openai_ppl_0shot_params.csv");
    const rows = bytes.toString("utf8").trimEnd().split("\r\n").slice(1);
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.split(",")[1] === "ppl")).toBe(true);
  });

  test("the loss and forecast panels export their own figures, captioned with what was fitted on what", async ({ page, request }) => {
    await page.goto("/tasks/lambada_openai?metric=acc&shots=0&x=flops");
    const loss = page.getByRole("region", { name: "Against a loss" });
    await expect(loss.getByTestId("loss-chart")).toBeVisible();
    await loss.getByText("Export loss figure", { exact: true }).click();
    const svg = await exportFile(page, "SVG");
    expect(svg.download.suggestedFilename()).toBe("lambada_openai_acc_0shot_loss_lambada_openai_ppl.svg");
    const svgText = svg.bytes.toString("utf8");
    expect(XMLValidator.validate(svgText)).toBe(true);
    expect(svgText).toContain(">lambada_openai ppl (0-shot) (log scale, decreasing)</text>");
    expect(svgText).toContain('<g class="family" data-family="Pythia">');
    const txt = (await exportFile(page, "Caption & citation")).bytes.toString("utf8");
    expect(txt).toContain("against each model's lambada_openai:ppl");
    expect(txt).toContain("drawn decreasing to the right");
    await loss.getByText("Export loss figure", { exact: true }).click();

    const forecast = page.getByRole("region", { name: "Forecast" });
    await forecast.getByLabel("Forecast form").selectOption("linear");
    await expect(forecast.getByTestId("forecast-chart")).toHaveAttribute("aria-label", /forecast by the linear form/);
    await forecast.getByText("Export forecast figure", { exact: true }).click();
    await forecast.getByLabel("Size", { exact: true }).selectOption("double");
    await forecast.getByLabel("PNG dpi").fill("100");
    const png = await exportFile(page, "PNG");
    expect(png.download.suggestedFilename()).toMatch(/^lambada_openai_acc_0shot_forecast_flops_linear_below[\d.e+]+\.png$/);
    expect(readPngDpi(png.bytes)).toEqual({ x: 100, y: 100 });
    expect(readPngSize(png.bytes).width).toBe(675);
    const csv = (await exportFile(page, "CSV")).bytes.toString("utf8").trimEnd().split("\r\n").map((l) => l.split(","));
    const [header, ...rows] = csv;
    const cutoff = rows[0][header.indexOf("cutoff")];
    const api = await (await request.get(`/api/forecast?task=lambada_openai&metric=acc&shots=0&filter=none&x=flops&form=linear&cutoff=${encodeURIComponent(cutoff)}&level=0.9`)).json();
    const pythia = api.families.find((f: { family: string }) => f.family === "Pythia");
    const held = rows.filter((r) => r[header.indexOf("role")] === "held-out");
    expect(held.map((r) => Number(r[header.indexOf("forecast")]))).toEqual(pythia.heldOut.map((p: { mean: number }) => p.mean));
    expect(rows.filter((r) => r[header.indexOf("role")] === "fitted")).toHaveLength(pythia.trained);
    const caption = JSON.parse((await exportFile(page, "JSON")).bytes.toString("utf8")).caption;
    expect(caption).toContain(`Pythia: fitted on ${pythia.trained} sizes below the cutoff, forecast ${pythia.heldOut.length} measured at or above it; mean absolute error`);
    expect(caption).toContain("90% prediction band");
  });

  test("downloads are attachments with safe names; a bad parameter or unknown task is a clear error", async ({ request }) => {
    const svg = await request.get("/api/figures/lambada_openai.svg");
    expect(svg.headers()["content-disposition"]).toBe('attachment; filename="lambada_openai_acc_0shot_params.svg"');
    expect(svg.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
    const bad = await request.get("/api/figures/lambada_openai.png?dpi=5");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.field).toBe("dpi");
    const missing = await request.get("/api/figures/no_such_task.csv");
    expect(missing.status()).toBe(404);
  });
});
