import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createToken, dropFiles, fixture, plottedResults, setToken } from "./upload-helpers";

const PYTHIA_JSON = fixture("160m_step143000.json", "application/json");
const LAB_CSV = fixture("lab-runs.csv", "text/csv");
const UNKNOWN_MODEL = "e2e-lab/tiny-run-1";

let token: string;
let tokenName: string;
test.beforeAll(() => {
  ({ token, name: tokenName } = createToken());
});

test.describe("upload page", () => {
  test("previews two real files, maps the unknown model, commits, moves the curve, knows a repeat, and deletes it again", async ({ page }) => {
    test.slow(); // the whole acceptance flow of issue 4 in one browser tab: two commits, a deletion, three analysis refreshes
    const plottedBefore = await plottedResults(page.request, "sciq");
    await page.goto("/tasks/sciq");
    const pointsBefore = await page.getByText(/\d+ points in \d+ families/).textContent();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Upload", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Upload results" })).toBeVisible();
    await setToken(page, token);
    // the token is never shown again, and the password field is gone
    await expect(page.getByRole("textbox", { name: "API token" })).toHaveCount(0);
    await expect(page.getByText(token)).toHaveCount(0);

    const previewRequests: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).searchParams.get("dryRun") === "1") previewRequests.push(r.url());
    });
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
    // both files went in one dry run: one slot of the token's upload rate
    expect(previewRequests).toHaveLength(1);

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

    // the history, newest first, with the tab's token still set
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Uploads", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Uploads", exact: true })).toBeVisible();
    await expect(page.getByText("token set", { exact: true })).toBeVisible();
    const history = page.getByRole("list", { name: "Uploads, newest first" });
    const upload = history.getByRole("article", { name: new RegExp(`^Upload \\d+: ${LAB_CSV.name.replace(".", "\\.")}$`) });
    await expect(history.getByRole("article").first()).toHaveAccessibleName(/: lab-runs\.csv$/);
    await expect(upload.locator("code")).toHaveAttribute("title", createHash("sha256").update(LAB_CSV.text).digest("hex"));
    await expect(upload).toContainText("CSV, long (model, task, metric, value)");
    await expect(upload).toContainText(tokenName);
    await expect(upload).toContainText(/inserted\s*1\s*updated\s*0/);
    await expect(upload).toContainText(/Results still stored from it\s*1 result/);
    await upload.getByText("Task pages").click();
    await expect(upload.getByRole("navigation", { name: `Task pages of ${LAB_CSV.name}` }).getByRole("link")).toHaveText(["sciq"]);

    // delete it, confirming the file and what goes with it
    await upload.getByRole("button", { name: `Delete ${LAB_CSV.name}`, exact: true }).click();
    const confirmation = upload.getByRole("alertdialog");
    await expect(confirmation).toContainText(/^Delete upload \d+, lab-runs\.csv\?/);
    await expect(confirmation).toContainText("This removes the 1 result whose stored value came from this file on task sciq; where it had replaced a value an earlier upload stored, that value comes back.");
    await confirmation.getByRole("button", { name: `Delete ${LAB_CSV.name} and 1 result` }).click();
    const outcome = page.getByRole("region", { name: /^Deleted upload \d+, lab-runs\.csv$/ });
    await expect(outcome).toContainText("1 result removed");
    await expect(upload).toHaveCount(0);

    // without the token, nothing can be deleted
    await page.getByRole("button", { name: "Clear token" }).click();
    await expect(page.getByRole("textbox", { name: "API token" })).toBeVisible();
    await expect(history.getByRole("button", { name: /^Delete / }).first()).toBeDisabled();

    // the task page is back to what it was before the upload
    await outcome.getByRole("navigation", { name: "Task pages this deletion changed" }).getByRole("link", { name: "sciq" }).click();
    await expect(page).toHaveURL(/\/tasks\/sciq$/);
    await expect(page.getByText(/\d+ points in \d+ families/)).toHaveText(pointsBefore!);
    await expect(chart.locator(".recharts-legend-item").first()).toBeVisible();
    await expect(chart.locator(".recharts-legend-item").filter({ hasText: "E2E Lab" })).toHaveCount(0);
    expect(await plottedResults(page.request, "sciq")).toEqual(plottedBefore);
  });

  const errorCases = [
    { what: "an unknown token", token: "not-a-real-token", file: LAB_CSV, status: 401, message: "unknown API token" },
    { what: "a file that is not JSON, CSV, JSON Lines or .eval", token: null, file: { name: "notes.txt", type: "text/plain", text: "hello" }, status: 415, message: "is not JSON, CSV, JSON Lines or an Inspect .eval" },
    { what: "JSON that does not parse", token: null, file: { name: "broken.json", type: "application/json", text: '{"results": {' }, status: 400, message: "broken.json" },
  ];
  test("a batch refused as a whole says so on each card, and removing the named file previews the rest again", async ({ page }) => {
    const broken = errorCases[2].file;
    await page.goto("/upload");
    await setToken(page, token);
    await dropFiles(page, [broken, LAB_CSV]);
    for (const name of [broken.name, LAB_CSV.name]) {
      const alert = page.getByRole("article", { name: `Preview of ${name}` }).getByRole("alert");
      await expect(alert).toContainText(`Preview failed (HTTP 400): ${broken.name}`);
      await expect(alert).toContainText("previewed in one request with 1 other file(s)");
    }
    await page.getByRole("button", { name: `Remove ${broken.name}` }).click();
    const csv = page.getByRole("article", { name: `Preview of ${LAB_CSV.name}` });
    await expect(csv.getByText("CSV, long (model, task, metric, value)")).toBeVisible();
    await expect(csv.getByRole("alert")).toHaveCount(0);
  });

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
