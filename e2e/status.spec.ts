// Issue 12, item 3: /status shows the database and the analysis queue (depth, throughput, parked jobs),
// and reads them again while open: an upload's job shows up analysed without reloading the page.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createToken } from "./upload-helpers";

test("the status page shows the database answering and the analysis queue, and follows an upload's job", async ({ page, request }) => {
  await page.goto("/status");
  await expect(page.getByRole("heading", { name: "Status", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Database" })).toContainText("answering");
  const queue = page.getByRole("table", { name: "Analysis queue" });
  for (const label of ["Waiting", "Running", "Retrying after a failure", "Parked (failed every attempt)", "Oldest waiting", "Analysed, last minute"]) {
    await expect(queue.getByRole("rowheader", { name: label, exact: true })).toBeVisible();
  }
  const analysedLastMinute = queue.getByRole("row", { name: /Analysed, last minute/ });
  const { token } = createToken();
  const task = `e2e_status_${randomUUID().slice(0, 8)}`;
  const rows = ["pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b"].map((m, i) => `${m},${task},acc,${0.3 + 0.05 * i},0`);
  const res = await request.post(`/api/uploads?name=${task}.csv`, {
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    data: ["model,task,metric,value,shots", ...rows].join("\n") + "\n",
  });
  expect(res.status(), await res.text()).toBe(201);
  // the server's worker analyses the view ...
  await expect
    .poll(async () => ((await (await request.get(`/api/analysis?task=${task}`)).json()) as { pending: boolean }).pending, { timeout: 60_000 })
    .toBe(false);
  // ... and the page, read again every 5 s without a reload, counts it as the API does
  await expect(async () => {
    const health = (await (await request.get("/api/health")).json()) as { jobs: { completedLastMinute: number } };
    expect(health.jobs.completedLastMinute).toBeGreaterThanOrEqual(1);
    await expect(analysedLastMinute.getByRole("cell")).toHaveText(`${health.jobs.completedLastMinute} task views`, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});
