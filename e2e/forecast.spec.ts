import { expect, test } from "@playwright/test";

test.describe("forecasts", () => {
  test("a task page forecasts the larger models from the smaller by the chosen form and cutoff, against what was measured", async ({ page }) => {
    await page.goto("/tasks/lambada_openai?metric=acc&shots=0&x=flops");
    const panel = page.getByRole("region", { name: "Forecast" });
    await expect(panel.getByRole("heading", { name: "Forecast the larger models" })).toBeVisible();
    const chart = panel.getByTestId("forecast-chart");
    // by default the logistic form forecasts the largest size from the others
    await expect(chart).toHaveAttribute("aria-label", /lambada_openai: acc of Pythia forecast by the logistic form from below/);
    await panel.getByLabel("Forecast form").selectOption("linear");
    const cutoff = panel.getByLabel("Forecast cutoff");
    const options = await cutoff.locator("option").allTextContents();
    expect(options.length).toBeGreaterThan(4);
    const middle = options[Math.floor(options.length / 2)];
    await cutoff.selectOption({ label: middle });
    await expect(chart).toHaveAttribute("aria-label", `lambada_openai: acc of Pythia forecast by the linear form from below ${middle}`);
    await expect(chart.locator(".forecast-band path").first()).toBeAttached();
    await expect(panel.locator(".forecast-summary li").first()).toContainText(/^Fitted on \d+ sizes below .*: mean absolute error [\d.]+, \d+ of \d+ inside the 90 % band\.$/);

    await panel.getByRole("link", { name: "backtest" }).click();
    await expect(page).toHaveURL(/\/backtest$/);
    await expect(page.getByRole("heading", { name: "Backtest: forecasting the largest models from the smaller ones" })).toBeVisible();
    await expect(page.getByRole("cell", { name: /arithmetic_3da · acc · 2 · none/ }).first()).toBeVisible();
  });
});

test.describe("pooled families", () => {
  test("a task page pools its families on one curve with an offset each, judges it and says what pooling assumes", async ({ page }) => {
    await page.goto("/tasks/arithmetic_3da?metric=acc&shots=2&x=flops");
    const section = page.getByRole("region", { name: "Pooled across families" });
    await expect(section.getByText(/Pooling assumes every family follows one curve in log-scale/)).toBeVisible();
    await expect(section.getByRole("table", { name: "Emergence evidence per family" }).getByRole("row", { name: /^\(pooled\)/ })).toBeVisible();
    const families = section.getByRole("table", { name: "Families on the pooled curve" });
    await expect(families.getByRole("row", { name: /^OPT/ })).toContainText(/\+0\.00 \[0\.00, 0\.00\]/);
    await expect(families.getByRole("row")).toHaveCount(20); // a header and the 19 families with results on FLOPs
  });
});

test.describe("the loss axis", () => {
  test("Pythia's LAMBADA accuracy against LAMBADA perplexity, beside the same against parameters", async ({ page }) => {
    await page.goto("/tasks/lambada_openai?metric=acc&shots=0&x=params");
    const section = page.getByRole("region", { name: "Against a loss" });
    await expect(section.getByLabel("Loss reference")).toHaveValue("lambada_openai:ppl");
    await expect(section.getByTestId("loss-chart")).toHaveAttribute("aria-label", "Against a loss: lambada_openai: acc (0-shot) against lambada_openai ppl (0-shot), lower to the right");
    await expect(section.getByTestId("curve-chart")).toHaveAttribute("aria-label", /^Beside the loss: lambada_openai: acc \(0-shot\) against Parameters/);
    await expect(section.locator(".loss-points path, .loss-points .recharts-symbols").first()).toBeAttached();
    await expect(section.locator(".loss-verdicts li").first()).toContainText(/^Pythia: /);
  });
});
