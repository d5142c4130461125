import { expect, test, type Page } from "@playwright/test";
import { createToken } from "./create-token";

const MODEL = "pythia-12b";
const REGISTRY_PARAMETERS = 11846072320;
/** How long the background re-analysis after a correction of a Pythia size may take: ~100 task views, then all 2,821 curves re-judged. */
const REANALYSIS = 150_000;
const CURVES = "/api/curves?task=lambada_openai&metric=acc&shots=0&x=params";
const ANALYSIS = "/api/analysis?task=lambada_openai&metric=acc&shots=0&x=params";

async function plottedParameters(page: Page): Promise<number | undefined> {
  const res = await page.request.get(CURVES);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { series: { points: { model: string; x: number }[] }[] };
  return body.series.flatMap((s) => s.points).find((p) => p.model === MODEL)?.x;
}

async function correct(page: Page, parameters: string, reason: string) {
  await page.getByRole("button", { name: `Correct ${MODEL}` }).click();
  const form = page.getByRole("group", { name: `Correct ${MODEL}` });
  await form.getByLabel("Parameters").fill(parameters);
  await form.getByLabel("Source or reason").fill(reason);
  await form.getByRole("button", { name: "Save correction" }).click();
  return form;
}

test.describe("models page", () => {
  test("shows Pythia with its sources, and a token-holder's correction moves the number, its source and the plotted curve", async ({ page }) => {
    // after each correction of pythia-12b the server re-analyses every task view it has results in, in the background
    test.setTimeout(300_000);
    const { token, name } = createToken();
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Models" }).click();
    await expect(page.getByRole("heading", { name: "Models", level: 1 })).toBeVisible();

    await page.getByRole("searchbox", { name: "Search models" }).fill(MODEL);
    const row = page.getByRole("row", { name: new RegExp(`^${MODEL}`) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("11.8B");
    await expect(row).toContainText("EleutherAI/pythia@a19eecb README model table");
    await expect(row).toContainText("≈2.1e22");
    await expect(page.getByText("≈ estimated as 6 × parameters × tokens")).toBeVisible();

    // the checkpoint list opens on demand
    await row.getByRole("button", { name: /checkpoints?$/ }).click();
    await expect(page.getByRole("table", { name: `Checkpoints of ${MODEL}` }).getByRole("row")).not.toHaveCount(0);

    // without a token there is nothing to edit
    await expect(page.getByRole("button", { name: `Correct ${MODEL}` })).toHaveCount(0);
    await page.getByRole("textbox", { name: "API token" }).fill(token);
    await page.getByRole("button", { name: "Use token" }).click();
    await expect(page.getByText("token set", { exact: true })).toBeVisible();
    expect(await plottedParameters(page)).toBe(REGISTRY_PARAMETERS);

    // refused inline, naming the field: by the form's own check and by the API
    let form = await correct(page, "-1", "typo");
    await expect(form.getByText("must be greater than 0")).toBeVisible();
    await form.getByLabel("Parameters").fill("12B");
    await form.getByLabel("Source or reason").fill("x".repeat(501));
    await form.getByRole("button", { name: "Save correction" }).click();
    await expect(form.getByText("must be at most 500 characters")).toBeVisible();
    await page.getByRole("button", { name: `Correct ${MODEL}` }).click();

    form = await correct(page, "12B", "e2e: rounded as in the model card");
    // the answer comes at once; the moved curves are re-analysed in the background
    await expect(page.getByRole("status").filter({ hasText: /^Saved\. The curves of \d+ task views moved/ })).toBeVisible();
    const parametersCell = row.getByRole("cell").first();
    await expect(parametersCell).toContainText(/^12B/);
    await expect(row).toContainText(`e2e: rounded as in the model card (edited by ${name}`);
    await expect(row).toContainText("was 11.8B");
    await expect(row).toContainText("≈2.2e22"); // FLOPs re-estimated from 6·N·D
    expect(await plottedParameters(page)).toBe(12e9);

    await row.getByText("2 edits").click();
    await expect(page.getByRole("list", { name: `Edits of ${MODEL}` })).toContainText(`${name}: parameters 1.185e+10 → 1.200e+10 — e2e: rounded as in the model card`);

    // the task page draws the corrected number: the largest Pythia's point says 12B
    await page.goto("/tasks/lambada_openai");
    const chart = page.getByRole("img", { name: /^lambada_openai: acc \(0-shot\) against Parameters/ });
    await chart.locator(".point-above").last().hover();
    await expect(page.getByRole("tooltip")).toContainText(`${MODEL} · 12B`);
    // the view's analysis is recomputed in the background; then it places the point at 12B, and the page stops saying "being recomputed"
    type Analysis = { pending: boolean; analyses: { family: string; points: { model: string; x: number }[] }[] };
    const analysis = async () => (await (await page.request.get(ANALYSIS)).json()) as Analysis;
    await expect.poll(async () => (await analysis()).pending, { timeout: REANALYSIS, intervals: [1_000] }).toBe(false);
    expect((await analysis()).analyses.find((a) => a.family === "Pythia")?.points.find((p) => p.model === MODEL)?.x).toBe(12e9);
    await expect(page.getByText(/its analysis is being recomputed/)).toHaveCount(0);

    // put the registry's number back for the other specs
    await page.goto("/models");
    await page.getByRole("searchbox", { name: "Search models" }).fill(MODEL);
    await correct(page, String(REGISTRY_PARAMETERS), "e2e: restore the README count");
    await expect(page.getByRole("row", { name: new RegExp(`^${MODEL}`) }).getByRole("cell").first()).toContainText(/^11\.8B/);
    expect(await plottedParameters(page)).toBe(REGISTRY_PARAMETERS);
  });
});

test.describe("families inferred from hub ids", () => {
  test("a ladder uploaded by hub id shows as an inferred family, and a token-holder moves a fine-tune into it", async ({ page }) => {
    const { token } = createToken();
    const owner = `e2e-lab-${Date.now()}`;
    const csv = ["model,task,metric,value,shots", ...["70m", "160m", "410m", "410m-sft"].map((s, i) => `${owner}/ladder-${s},e2e_ladder_task,acc,${0.3 + i / 20},0`)].join("\n");
    const upload = await page.request.post("/api/uploads?name=ladder.csv", { headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" }, data: csv });
    expect(upload.status()).toBe(201);

    await page.goto("/models");
    await page.getByRole("searchbox", { name: "Search models" }).fill(owner);
    const family = `${owner}/ladder-*`;
    await expect(page.getByRole("heading", { name: new RegExp(`^${family.replace(/[*/.]/g, "\\$&")} \\(3\\)`) })).toBeVisible();
    await expect(page.getByText("family inferred from the names")).toHaveCount(3);

    await page.getByRole("textbox", { name: "API token" }).fill(token);
    await page.getByRole("button", { name: "Use token" }).click();
    const tune = `${owner}/ladder-410m-sft`;
    await page.getByRole("button", { name: `Set the family of ${tune}` }).click();
    const form = page.getByRole("group", { name: `Set the family of ${tune}` });
    await form.getByLabel("Family (empty: none)").fill(family);
    await form.getByLabel("Source or reason").fill("e2e: the model card says it is the base model, re-uploaded");
    await form.getByRole("button", { name: "Set family" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Put ${tune} in the family ${family}` })).toBeVisible();
    await expect(page.getByRole("heading", { name: new RegExp(`^${family.replace(/[*/.]/g, "\\$&")} \\(4\\)`) })).toBeVisible();
  });
});
