import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createToken } from "./create-token";

test.describe("overview", () => {
  test("ranks curves by evidence with q-values over the selection, narrows by filters, and links a card to its task view", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Where abilities appear with scale" })).toBeVisible();
    const cards = page.locator(".card");
    await expect(cards.first()).toBeVisible();
    const summary = page.getByText(/^\d+ curves,/);
    const total = Number((await summary.textContent())!.split(" ")[0]);
    expect(total).toBeGreaterThan(500);
    await expect(summary).toContainText(/Benjamini–Hochberg over the \d+ curves with a sharpness test in this selection/);
    // strongest evidence first: the demo's abrupt curves (BIG-bench arithmetic) lead
    await expect(cards.first().locator(".badge")).toHaveText("abrupt");
    await expect(cards.first().locator(".card-q")).toContainText(/q = /);
    // thousands of curves are paged, never one long list
    const pages = page.getByRole("navigation", { name: "Overview pages" });
    await expect(pages).toContainText(`Curves 1–48 of ${total}`);
    await pages.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/offset=48/);
    await expect(pages).toContainText(`Curves 49–96 of ${total}`);
    await pages.getByRole("button", { name: "Previous" }).click();
    await expect(pages).toContainText(`Curves 1–48 of ${total}`);

    await page.getByLabel("Verdict", { exact: true }).selectOption("abrupt");
    await expect(page).toHaveURL(/verdict=abrupt/);
    const abrupt = await cards.count();
    expect(abrupt).toBeGreaterThan(0);
    await expect(cards.locator(".badge").filter({ hasNotText: "abrupt" })).toHaveCount(0);

    await page.getByLabel("Family", { exact: true }).selectOption("Pythia-deduped");
    await expect(page).toHaveURL(/family=Pythia-deduped/);
    await expect(cards.filter({ hasNotText: "Pythia-deduped" })).toHaveCount(0);
    // each card draws a sparkline with the chance line
    await expect(cards.first().locator("svg.sparkline .sparkline-chance")).toHaveCount(1);

    await page.getByLabel("Sort", { exact: true }).selectOption("q");
    await expect(page).toHaveURL(/sort=q/);
    const card = cards.filter({ hasText: "arithmetic_3da" }).first();
    await card.getByRole("link").click();
    await expect(page).toHaveURL(/\/tasks\/arithmetic_3da\?metric=acc&shots=2&filter=none&x=params/);
    await expect(page.getByRole("table", { name: "Emergence evidence per family" }).getByRole("row", { name: /^Pythia-deduped/ })).toContainText("abrupt");
  });
});

test.describe("evidence on the task page", () => {
  test("draws the fit and the threshold band of an abrupt curve, with its width, p-values and a link to what it claims", async ({ page }) => {
    await page.goto("/tasks/arithmetic_3da?metric=acc&shots=2&x=flops");
    const chart = page.getByRole("img", { name: /^arithmetic_3da: acc \(2-shot\)/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator(".fit-line").first()).toBeAttached();
    await expect(chart.locator(".threshold-band").first()).toBeAttached();
    await expect(chart.locator(".point-at-chance").first()).toBeAttached();
    const evidence = page.getByRole("table", { name: "Emergence evidence per family" });
    const row = evidence.getByRole("row", { name: /^Pythia-deduped/ });
    await expect(row).toContainText(/abrupt: the score improves from .* within a transition narrower than 1 decade/);
    await expect(row).toContainText(/ΔAICc/);
    // OPT's 3-digit addition leaves 0 only at 30B and 66B: too early to bound the rise's width
    const opt = evidence.getByRole("row", { name: /^OPT/ });
    await expect(opt).toContainText("cannot tell");
    await expect(opt).toContainText("Would decide: a model larger than");

    await row.getByRole("link", { name: "abrupt: what this verdict claims" }).click();
    await expect(page).toHaveURL(/\/verdicts#abrupt$/);
    await expect(page.getByRole("heading", { name: "abrupt", exact: true })).toBeVisible();
    await expect(page.getByRole("cell", { name: "1 decade" })).toBeVisible();
  });

  test("a curve with too few sizes says what is missing", async ({ page }) => {
    await page.goto("/tasks/ipa_transliterate?metric=exact_match&shots=2&x=params");
    const row = page.getByRole("table", { name: "Emergence evidence per family" }).getByRole("row", { name: /^Gemma-2/ });
    await expect(row).toContainText(/cannot-tell: \d distinct scale\(s\), need at least 5/);
    await expect(row).toContainText(/Would decide: \d more size\(s\) of this family/);
  });

  test("the mirage comparison says the verdict depends on the metric over the same models, for runs scored both ways", async ({ page, request }) => {
    const { token } = createToken();
    const task = `mirage_${randomUUID().slice(0, 8)}`;
    const sizes = ["pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b", "pythia-2.8b", "pythia-6.9b", "pythia-12b"];
    // exact match jumps after the 4th size; the per-token accuracy of the same outputs rises steadily
    const lines = ["model,task,metric,value,stderr,shots"];
    sizes.forEach((model, i) => {
      lines.push(`${model},${task},exact_match,${i < 4 ? 0.002 : 0.6},0.01,0`);
      lines.push(`${model},${task},f1,${(0.1 + 0.1 * i).toFixed(2)},0.01,0`);
    });
    const upload = await request.post(`/api/uploads?name=${task}.csv`, {
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
      data: lines.join("\n") + "\n",
    });
    expect(upload.status()).toBe(201);
    await expect.poll(async () => (await (await request.get(`/api/analysis?task=${task}&metric=f1`)).json()).pending, { timeout: 30_000 }).toBe(false);

    await page.goto(`/tasks/${task}?metric=exact_match&x=params`);
    await expect(page.getByRole("note")).toContainText("The verdict depends on the metric for Pythia");
    const byMetric = page.getByRole("table", { name: "Verdicts by metric" }).getByRole("row", { name: /^Pythia/ });
    await expect(byMetric).toContainText("abrupt under exact_match, smooth under f1 over the same 8 models");
  });
});
