// Shared by the upload specs: real fixture files, a real API token made with the CLI (./create-token.ts), and the token panel.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export { createToken } from "./create-token";

export type FixtureFile = { name: string; type: string; text: string };

export const fixture = (name: string, type: string): FixtureFile => ({
  name,
  type,
  text: readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8"),
});

/** Drops files on the drop zone as a browser drag would. */
export async function dropFiles(page: Page, files: FixtureFile[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: f.type }));
    return dt;
  }, files);
  await page.getByRole("group", { name: "Drop zone" }).dispatchEvent("drop", { dataTransfer });
}

export async function setToken(page: Page, token: string) {
  await page.getByRole("textbox", { name: "API token" }).fill(token);
  await page.getByRole("button", { name: "Use token" }).click();
  await expect(page.getByText("token set", { exact: true })).toBeVisible();
}

/** What a task view plots, from the same API the page reads: every point and every unplaced result. */
export async function plottedResults(request: APIRequestContext, task: string) {
  const res = await request.get(`/api/curves?task=${encodeURIComponent(task)}`);
  expect(res.status(), `GET /api/curves?task=${task}`).toBe(200);
  const body = (await res.json()) as { series: Array<{ family: string; points: Array<{ model: string; x: number; value: number }> }>; unplaced: unknown[] };
  return {
    series: body.series.map((s) => ({ family: s.family, points: s.points.map((p) => ({ model: p.model, x: p.x, value: p.value })) })),
    unplaced: body.unplaced,
  };
}
