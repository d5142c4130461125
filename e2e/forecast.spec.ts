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
