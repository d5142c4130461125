import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

type FixtureFile = { name: string; type: string; text: string };

const fixture = (name: string, type: string): FixtureFile => ({
  name,
  type,
  text: readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8"),
});
const PYTHIA_JSON = fixture("160m_step143000.json", "application/json");
const LAB_CSV = fixture("lab-runs.csv", "text/csv");
const UNKNOWN_MODEL = "e2e-lab/tiny-run-1";

/** A fresh API token on the server's database (e2e/serve.ts says where that is), made with the CLI a user would run. */
function createToken(): string {
  const server = JSON.parse(readFileSync(path.join("test-results", "e2e-server.json"), "utf8")) as Record<string, string>;
  const out = execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/token.ts", "create", `e2e-${randomUUID().slice(0, 8)}`], {
    env: { ...process.env, ...server },
    encoding: "utf8",
  });
  return out.trim().split("\n").pop()!;
}

/** Drops files on the drop zone as a browser drag would. */
async function dropFiles(page: Page, files: FixtureFile[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: f.type }));
    return dt;
  }, files);
  await page.getByRole("group", { name: "Drop zone" }).dispatchEvent("drop", { dataTransfer });
}

async function setToken(page: Page, token: string) {
  await page.getByRole("textbox", { name: "API token" }).fill(token);
  await page.getByRole("button", { name: "Use token" }).click();
  await expect(page.getByText("token set", { exact: true })).toBeVisible();
}

let token: string;
test.beforeAll(() => {
  token = createToken();
});

test.describe("upload page", () => {
  test("previews two real files, maps the unknown model, commits, moves the curve, and knows a repeat", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Upload" }).click();
    await expect(page.getByRole("heading", { name: "Upload results" })).toBeVisible();
    await setToken(page, token);
    // the token is never shown again, and the password field is gone
    await expect(page.getByRole("textbox", { name: "API token" })).toHaveCount(0);
    await expect(page.getByText(token)).toHaveCount(0);

    await dropFiles(page, [PYTHIA_JSON, LAB_CSV]);
    const json = page.getByRole("article", { name: `Preview of ${PYTHIA_JSON.name}` });
    const csv = page.getByRole("article", { name: `Preview of ${LAB_CSV.name}` });
    // the demo database already holds these exact bytes
    await expect(json.getByText("already uploaded")).toBeVisible();
    await expect(json.getByText("lm-evaluation-harness v0.3 JSON")).toBeVisible();
    await expect(json.getByRole("row", { name: /^EleutherAI\/pythia-v1\.1-160m|^pythia-160m/ })).toContainText("162M parameters");
    await expect(csv.getByText("ready to commit")).toBeVisible();
    await expect(csv.getByText("CSV, long (model, task, metric, value)")).toBeVisible();
    await expect(csv.getByRole("row", { name: new RegExp(`^${UNKNOWN_MODEL}`) })).toContainText("scale unknown");

    const mapping = page.getByRole("group", { name: UNKNOWN_MODEL });
    await mapping.getByRole("radio", { name: "Enter its scale" }).check();
    const commit = page.getByRole("button", { name: "Commit 2 files" });
    await expect(commit).toBeDisabled();
    await mapping.getByLabel("Parameters").fill("500M");
    await mapping.getByLabel("Training tokens").fill("300B");
    await mapping.getByLabel("Family").fill("E2E Lab");
    await commit.click();

    const stored = page.getByRole("region", { name: "Upload stored" });
    await expect(stored).toContainText(/files\s*2\s*inserted\s*1\s*updated\s*0/);
    const links = page.getByRole("navigation", { name: "Task pages this upload changed" });
    await expect(links.getByRole("link")).toHaveText(["sciq"]);
    await links.getByRole("link", { name: "sciq" }).click();

    await expect(page).toHaveURL(/\/tasks\/sciq$/);
    const chart = page.getByRole("img", { name: /^sciq: acc \(0-shot\) against Parameters/ });
    await expect(chart.locator(".recharts-legend-item")).toContainText(["E2E Lab"]);
    await expect(page.getByText(/9 points in 2 families/)).toBeVisible();

    await page.goBack();
    await expect(page.getByText("token set", { exact: true })).toBeVisible();
    await dropFiles(page, [LAB_CSV]);
    await expect(page.getByRole("article", { name: `Preview of ${LAB_CSV.name}` }).getByText("already uploaded")).toBeVisible();
    // a model placed once stays placed
    await expect(page.getByRole("group", { name: UNKNOWN_MODEL })).toHaveCount(0);
    await page.getByRole("button", { name: "Commit 1 file" }).click();
    await expect(page.getByRole("heading", { name: "Already uploaded: nothing changed" })).toBeVisible();

    await page.getByRole("button", { name: "Clear token" }).click();
    await expect(page.getByRole("textbox", { name: "API token" })).toBeVisible();
  });

  const errorCases = [
    { what: "an unknown token", token: "not-a-real-token", file: LAB_CSV, status: 401, message: "unknown API token" },
    { what: "a file that is not JSON or CSV", token: null, file: { name: "notes.txt", type: "text/plain", text: "hello" }, status: 415, message: "is not JSON or CSV" },
    { what: "JSON that does not parse", token: null, file: { name: "broken.json", type: "application/json", text: '{"results": {' }, status: 400, message: "broken.json" },
  ];
  for (const c of errorCases) {
    test(`shows the API's ${c.status} for ${c.what}, not a spinner`, async ({ page }) => {
      await page.goto("/upload");
      await setToken(page, c.token ?? token);
      await dropFiles(page, [c.file]);
      const alert = page.getByRole("article", { name: `Preview of ${c.file.name}` }).getByRole("alert");
      await expect(alert).toContainText(`Preview failed (HTTP ${c.status})`);
      await expect(alert).toContainText(c.message);
      await expect(page.getByText("Previewing…")).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Commit 1 file" })).toBeDisabled();
    });
  }
});
