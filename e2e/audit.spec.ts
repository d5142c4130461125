// Issue 15, item 4: the emergence audit page lists the demo's emergent-task claims with their verdicts and exports as one report.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { XMLValidator } from "fast-xml-parser";

async function download(page: Page, label: string): Promise<{ name: string; text: string }> {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: label, exact: true }).click();
  const file = await downloading;
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8") };
}

test("the audit lists the emergent-task claims with the stored verdicts, links each view, and downloads as one report", async ({ page, request }) => {
  // the demo's verdicts, as the task page's API serves them
  await expect
    .poll(async () => ((await (await request.get("/api/analysis?task=arithmetic_3da&metric=acc&x=params")).json()) as { analyses: unknown[] }).analyses.length, { timeout: 120_000 })
    .toBeGreaterThan(0);
  const analysis = (await (await request.get("/api/analysis?task=arithmetic_3da&metric=acc&x=params")).json()) as { analyses: { family: string; verdict: string }[] };
  const verdictOf = (family: string) => analysis.analyses.find((a) => a.family === family)!.verdict;

  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { name: "Emergence audit", level: 1 })).toBeVisible();

  const summary = page.getByRole("table", { name: "Claims of emergence" });
  await expect(summary.getByRole("row", { name: /Addition\/subtraction \(3 digit\).*arithmetic_3da, arithmetic_3ds/ })).toBeVisible();
  await expect(summary.getByRole("row", { name: /Toxicity classification \(CivilComments\).*not in the store/ })).toBeVisible();
  await expect(summary.getByRole("row", { name: /IPA transliterate.*ipa_transliterate/ })).toBeVisible();

  const claim = page.getByRole("region", { name: "Addition/subtraction (3 digit)" });
  await expect(claim).toContainText("2.3E+22 training FLOPs, 13B parameters (as printed in Table 1)");
  const table = claim.getByRole("table", { name: "Verdicts on arithmetic_3da" });
  for (const family of ["OPT", "Pythia-deduped"]) {
    const row = table.getByRole("row").filter({ has: page.getByRole("cell", { name: family, exact: true }) });
    await expect(row.locator(".badge")).toHaveAttribute("data-verdict", verdictOf(family));
    await expect(row).toContainText("no per-item outputs");
  }
  await expect(claim).toContainText("No per-item outputs are stored for arithmetic_3da / acc");
  await expect(page.getByRole("region", { name: "Toxicity classification (CivilComments)" })).toContainText("none known — not in the store");

  const html = await download(page, "HTML");
  expect(html.name).toMatch(/^emergence-audit_params_\d{4}-\d{2}-\d{2}\.html$/);
  expect(html.text).toContain("Addition/subtraction (3 digit)");
  expect(html.text).toMatch(new RegExp(`<td>Pythia-deduped</td><td>acc</td><td>${verdictOf("Pythia-deduped")}<div`));
  const svgs = html.text.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
  expect(svgs.length).toBeGreaterThanOrEqual(9);
  for (const svg of svgs) expect(XMLValidator.validate(svg)).toBe(true);

  const md = await download(page, "Markdown");
  expect(md.name).toMatch(/^emergence-audit_params_\d{4}-\d{2}-\d{2}\.md$/);
  expect(md.text).toContain("## IPA transliterate");
  expect(md.text).toContain("data:image/svg+xml;base64,");

  // each row links the task page's view of that family
  await table.getByRole("link", { name: "Pythia-deduped on arithmetic_3da (acc)" }).click();
  await expect(page).toHaveURL(/\/tasks\/arithmetic_3da\?metric=acc&shots=2&filter=none&x=params&families=Pythia-deduped/);
  await expect(page.getByRole("heading", { name: "arithmetic_3da", level: 1 })).toBeVisible();
});
