import { expect, test } from "@playwright/test";

test.describe("tasks list", () => {
  test("lists the demo tasks, narrows by search and links to a task page", async ({ page }) => {
    await page.goto("/tasks");
    await expect(page.getByRole("heading", { name: "Tasks" })).toBeVisible();
    await expect(page.getByRole("link", { name: "arc_easy" })).toBeVisible();
    await page.getByRole("searchbox").fill("lambada");
    await expect(page.getByRole("link", { name: "arc_easy" })).toHaveCount(0);
    await page.getByRole("link", { name: "lambada_openai" }).click();
    await expect(page).toHaveURL(/\/tasks\/lambada_openai$/);
    await expect(page.getByRole("heading", { name: "lambada_openai" })).toBeVisible();
  });
});

test.describe("task page", () => {
  test("draws Pythia's LAMBADA curve on a log axis with error bars and the chance line", async ({ page }) => {
    await page.goto("/tasks/lambada_openai");
    const chart = page.getByRole("img", { name: /^lambada_openai: acc \(0-shot\) against Parameters/ });
    await expect(chart).toBeVisible();
    // the legend names the family and, once analysed, its verdict, as the exported figure does
    await expect(chart.locator(".recharts-legend-item")).toHaveText([/^Pythia( \(.+\))?$/]);
    // one series, eight model sizes (all clearly above chance 0), one error bar each
    await expect(chart.locator(".point-above")).toHaveCount(8);
    await expect(chart.locator(".point-at-chance")).toHaveCount(0);
    await expect(chart.locator(".recharts-errorBar")).toHaveCount(8);
    // log ticks: decades only, inside the domain
    await expect(chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value")).toHaveText(["100M", "1B", "10B"]);
    await expect(chart.locator(".chance-line")).toHaveCount(1);
    await expect(chart.getByText("chance 0", { exact: true })).toBeVisible();
    await expect(page.getByText(/8 points in 1 families/)).toBeVisible();
  });

  test("the first HTML already draws the view (server SVG), and the interactive chart replaces it", async ({ page, request }) => {
    const html = await (await request.get("/tasks/lambada_openai")).text();
    const preview = html.slice(html.indexOf('data-testid="chart-preview"'));
    expect(preview.length).toBeLessThan(html.length);
    // Pythia's eight sizes as markers, their error bars and the chance line, in the markup before any script runs
    expect(preview.slice(0, preview.indexOf("</figure>")).match(/class="marker/g)).toHaveLength(8);
    expect(preview).toContain('class="error-bars"');
    await page.goto("/tasks/lambada_openai");
    await expect(page.getByRole("img", { name: /^lambada_openai: acc \(0-shot\)/ }).locator(".point-above")).toHaveCount(8);
    await expect(page.getByTestId("chart-preview")).toHaveCount(0);
  });

  test("switching the metric updates the chart and the URL, and the URL reproduces the view", async ({ page }) => {
    await page.goto("/tasks/lambada_openai");
    await page.getByLabel("Metric", { exact: true }).selectOption("ppl");
    await expect(page).toHaveURL(/metric=ppl/);
    await expect(page.getByRole("img", { name: /^lambada_openai: ppl \(0-shot\)/ })).toBeVisible();
    await page.getByLabel("Shots", { exact: true }).selectOption("5");
    await expect(page).toHaveURL(/shots=5/);
    const url = page.url();

    await page.goto("/");
    await page.goto(url);
    await expect(page.getByLabel("Metric", { exact: true })).toHaveValue("ppl");
    await expect(page.getByLabel("Shots", { exact: true })).toHaveValue("5");
    await expect(page.getByRole("img", { name: /^lambada_openai: ppl \(5-shot\)/ })).toBeVisible();
  });

  test("ObsScaling IPA transliterate shows one series per family on the FLOPs axis", async ({ page }) => {
    await page.goto("/tasks/ipa_transliterate?metric=bleu&x=flops");
    const chart = page.getByRole("img", { name: /^ipa_transliterate: bleu \(2-shot\) against Training FLOPs/ });
    await expect(chart).toBeVisible();
    const families = await chart.locator(".recharts-legend-item").count();
    expect(families).toBeGreaterThan(10);
    await expect(chart.locator(".recharts-scatter:not(.fit-line)")).toHaveCount(families);
    await expect(page.getByText(/result\(s\) not shown: model scale unknown/)).toBeVisible();
  });

  test("the checkpoint axis follows pythia-1.4b through training", async ({ page }) => {
    await page.goto("/tasks/lambada_openai");
    await page.getByLabel("Scale", { exact: true }).selectOption("checkpoint");
    await expect(page).toHaveURL(/x=checkpoint/);
    await expect(page.getByLabel("Model", { exact: true })).toHaveValue("pythia-1.4b");
    const chart = page.getByRole("img", { name: /^lambada_openai: acc \(0-shot\) against Tokens seen in training/ });
    await expect(chart.locator(".recharts-errorBar")).toHaveCount(5);
    await expect(page.getByText(/follows one model through training/)).toBeVisible();
  });

  test("an unknown task says so instead of spinning", async ({ page }) => {
    await page.goto("/tasks/no_such_task");
    await expect(page.getByRole("alert").filter({ hasText: "Could not load" })).toContainText('task "no_such_task" not found');
  });
});
