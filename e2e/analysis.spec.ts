import { expect, test } from "@playwright/test";

test.describe("overview", () => {
  test("ranks curves by evidence, narrows by filters, and links a badge to its task view", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Where abilities appear with scale" })).toBeVisible();
    const cards = page.locator(".card");
    await expect(cards.first()).toBeVisible();
    const total = Number((await page.getByText(/^\d+ curves,/).textContent())!.split(" ")[0]);
    expect(total).toBeGreaterThan(500);
    // strongest evidence first: the demo's abrupt curves (BIG-bench arithmetic) lead
    await expect(cards.first().locator(".badge")).toHaveText("abrupt");

    await page.getByLabel("Verdict", { exact: true }).selectOption("abrupt");
    await expect(page).toHaveURL(/verdict=abrupt/);
    await expect(page.getByText(/^\d+ curves,/)).not.toHaveText(`${total} curves, strongest evidence of emergence first.`);
    const abrupt = await cards.count();
    expect(abrupt).toBeGreaterThan(0);
    await expect(cards.locator(".badge").filter({ hasNotText: "abrupt" })).toHaveCount(0);

    await page.getByLabel("Family", { exact: true }).selectOption("OPT");
    await expect(page).toHaveURL(/family=OPT/);
    await expect(cards.filter({ hasNotText: "OPT" })).toHaveCount(0);
    // each card draws a sparkline with the chance line
    await expect(cards.first().locator("svg.sparkline .sparkline-chance")).toHaveCount(1);

    const card = cards.filter({ hasText: "arithmetic_3da" }).first();
    await card.getByRole("link").click();
    await expect(page).toHaveURL(/\/tasks\/arithmetic_3da\?metric=acc&shots=2&x=params/);
    await expect(page.getByRole("table", { name: "Emergence evidence per family" }).getByRole("row", { name: /^OPT/ })).toContainText("abrupt");
  });
});

test.describe("evidence on the task page", () => {
  test("draws the fit overlay and the threshold band of an abrupt curve", async ({ page }) => {
    await page.goto("/tasks/arithmetic_3da?metric=acc&shots=2&x=params&");
    const chart = page.getByRole("img", { name: /^arithmetic_3da: acc \(2-shot\)/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator(".fit-line").first()).toBeAttached();
    await expect(chart.locator(".threshold-band").first()).toBeAttached();
    await expect(chart.locator(".point-at-chance").first()).toBeAttached();
    const row = page.getByRole("table", { name: "Emergence evidence per family" }).getByRole("row", { name: /^OPT/ });
    await expect(row).toContainText(/FDR/);
    await expect(row).toContainText(/ΔAICc/);
  });

  test("the metric switch changes the verdict, and the mirage comparison says it depends on the metric", async ({ page }) => {
    await page.goto("/tasks/ipa_transliterate?metric=exact_match&shots=2&x=params");
    const evidence = page.getByRole("table", { name: "Emergence evidence per family" });
    await expect(evidence.getByRole("row", { name: /^Pythia-deduped/ })).toContainText("flat at chance");
    await expect(page.getByRole("note")).toContainText("The verdict depends on the metric for Pythia-deduped");
    const byMetric = page.getByRole("table", { name: "Verdicts by metric" }).getByRole("row", { name: /^Pythia-deduped/ });
    await expect(byMetric).toContainText("smooth");
    await expect(byMetric).toContainText("flat at chance");

    await page.getByLabel("Metric", { exact: true }).selectOption("bleu");
    await expect(page).toHaveURL(/metric=bleu/);
    await expect(evidence.getByRole("row", { name: /^Pythia-deduped/ })).toContainText("smooth");
  });

  test("an insufficient curve says what is missing", async ({ page }) => {
    await page.goto("/tasks/ipa_transliterate?metric=exact_match&shots=2&x=params");
    const row = page.getByRole("table", { name: "Emergence evidence per family" }).getByRole("row", { name: /^Gemma-2/ });
    await expect(row).toContainText(/insufficient: \d distinct scale\(s\), need at least 5/);
  });
});
