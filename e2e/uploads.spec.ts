import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createToken, setToken } from "./upload-helpers";

let token: string;
test.beforeAll(() => {
  ({ token } = createToken());
});

/** An upload of this test's own (a task no other test reads), made over the API as a script would. */
async function uploadOwnCsv(request: APIRequestContext): Promise<{ id: number; fileName: string }> {
  const fileName = `own-${randomUUID().slice(0, 8)}.csv`;
  const task = `e2e_task_${randomUUID().slice(0, 8)}`;
  const res = await request.post(`/api/uploads?name=${fileName}`, {
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    data: `model,task,metric,value,shots\npythia-70m,${task},acc,0.41,0\npythia-160m,${task},acc,0.43,0\n`,
  });
  expect(res.status(), await res.text()).toBe(201);
  return { id: ((await res.json()) as { uploadId: number }).uploadId, fileName };
}

async function askToDelete(page: Page, upload: { id: number; fileName: string }) {
  const card = page.getByRole("article", { name: `Upload ${upload.id}: ${upload.fileName}` });
  await card.getByRole("button", { name: `Delete ${upload.fileName}`, exact: true }).click();
  const confirmation = card.getByRole("alertdialog");
  await expect(confirmation).toContainText("This removes the 2 results");
  return { card, confirmation };
}

test.describe("upload history", () => {
  test("pages through every upload, newest first, and keeps the page in the URL", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Uploads", exact: true }).click();
    const pager = page.getByRole("navigation", { name: "Upload pages", exact: true });
    await expect(pager).toContainText(/Uploads 1–20 of \d+/);
    const total = Number(/of (\d+)/.exec((await pager.textContent())!)![1]);
    expect(total).toBeGreaterThan(20);
    const ids = async () => (await page.getByRole("list", { name: "Uploads, newest first" }).getByRole("article").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")!)))
      .map((label) => Number(/^Upload (\d+):/.exec(label)![1]));
    const first = await ids();
    expect(first).toEqual([...first].sort((a, b) => b - a));
    // delete is there, but needs a token first
    await expect(page.getByRole("button", { name: /^Delete / }).first()).toBeDisabled();

    await pager.getByRole("link", { name: "Older →" }).click();
    await expect(page).toHaveURL(/\/uploads\?page=2$/);
    await expect(pager).toContainText(`Uploads 21–${total} of ${total}`);
    expect(Math.max(...(await ids()))).toBeLessThan(Math.min(...first));
    await pager.getByRole("link", { name: "← Newer" }).click();
    await expect(pager).toContainText(/Uploads 1–20 of/);
  });

  test("shows the API's 401 where the delete was asked for, and deletes nothing", async ({ page }) => {
    const upload = await uploadOwnCsv(page.request);
    await page.goto("/uploads");
    await setToken(page, "not-a-real-token");
    const { card, confirmation } = await askToDelete(page, upload);
    await confirmation.getByRole("button", { name: `Delete ${upload.fileName} and 2 results` }).click();
    await expect(confirmation.getByRole("alert")).toContainText("Delete failed (HTTP 401): unknown API token");
    await expect(card).toBeVisible();
    expect((await page.request.get(`/api/uploads/${upload.id}`)).status()).toBe(200);
    const cleanup = await page.request.delete(`/api/uploads/${upload.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(cleanup.status()).toBe(200);
  });

  test("says so when the upload was deleted elsewhere between asking and confirming (404)", async ({ page }) => {
    const upload = await uploadOwnCsv(page.request);
    await page.goto("/uploads");
    await setToken(page, token);
    const { card, confirmation } = await askToDelete(page, upload);
    const elsewhere = await page.request.delete(`/api/uploads/${upload.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(elsewhere.status()).toBe(200);
    await confirmation.getByRole("button", { name: `Delete ${upload.fileName} and 2 results` }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Nothing deleted (HTTP 404)" })).toContainText(`upload ${upload.id} not found`);
    await expect(card).toHaveCount(0);
  });
});
