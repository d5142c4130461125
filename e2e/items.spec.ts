import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createToken } from "./create-token";
import { writePlantedFamily } from "@/lib/ingest/testing/item-family-files";

const PYTHIA = ["pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b", "pythia-2.8b"].map((m) => `EleutherAI/${m}`);

test.describe("items across sizes", () => {
  test("a task page with per-item samples draws the flip map, the paired tests along the curve and the mirage test on the same outputs", async ({ page, request }) => {
    const { token } = createToken();
    const task = `planted_${randomUUID().slice(0, 8)}`;
    const dir = mkdtempSync(path.join(tmpdir(), "atlas-e2e-items-"));
    try {
      // six Pythia sizes answer 300 items; 90 of them become exact together at the 4th size (1B)
      const { folders } = writePlantedFamily(dir, { models: PYTHIA, task, items: 300, planted: 90, flipAt: 3, worse: 15 });
      for (const folder of folders) {
        const form = new FormData();
        for (const name of readdirSync(folder)) form.append("file", new File([readFileSync(path.join(folder, name))], name));
        const upload = await request.post("/api/uploads", { headers: { authorization: `Bearer ${token}` }, multipart: form });
        expect(upload.status(), await upload.text()).toBe(201);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    await page.goto(`/tasks/${task}?x=params`);
    const section = page.getByRole("region", { name: "Items across sizes" });
    const map = section.getByRole("img", { name: /^Flip map of 300 items of planted_\w+ \(exact_match\) across 6 sizes of Pythia; paired tests find a real rise at .*\b1\.01B\b/ });
    await expect(map).toBeVisible();
    // the canvas is painted: the top-right cell (the largest size, items correct throughout) is not blank
    const painted = await map.evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext("2d")!;
      const [r, g, b, a] = ctx.getImageData(canvas.width - 30, 5, 1, 1).data;
      return { r, g, b, a };
    });
    expect(painted.a).toBe(255);
    expect(painted.b).toBeGreaterThan(painted.r);

    const steps = section.getByRole("table", { name: "Paired tests along the curve" });
    await expect(steps.getByRole("row", { name: /^1\.01B pythia-1b/ })).toContainText(/\+0\.397 \[\+0\.3\d\d, \+0\.4\d\d\], p = [\d.]+e-\d+ real rise/);
    // a task the registry does not know: its chance level is said to be unknown, not drawn as 0
    await expect(section.getByText("Chance level under exact_match on this task: not known.", { exact: false })).toBeVisible();
    await expect(steps.getByRole("columnheader", { name: "Against chance", exact: true })).toBeVisible();
    await expect(steps.getByRole("row", { name: /^1\.01B pythia-1b/ }).getByRole("cell").nth(5)).toHaveText("—");
    // the 15 items that get worse with scale are lost on the way to 410M
    await expect(steps.getByRole("row", { name: /^405M/ })).toContainText("5.0 % lost");
    await expect(section.getByRole("note")).toHaveText("the jump is made by exact_match: the same outputs read smooth under token_edit_distance");
    await expect(section.getByRole("table", { name: "Verdicts on the same items" }).getByRole("row", { name: /^token_edit_distance/ })).toContainText("computed from the stored responses and targets");

    const rows = section.getByRole("table", { name: "Items", exact: true });
    await expect(rows.getByRole("row")).toHaveCount(26);
    await expect(section.getByText("Items 1–25 of 300")).toBeVisible();
    await section.getByRole("button", { name: "Next items" }).click();
    await expect(section.getByText("Items 26–50 of 300")).toBeVisible();
  });

  test("a task page without items shows no items section", async ({ page }) => {
    const asked = page.waitForResponse((r) => r.url().includes("/api/items?"));
    await page.goto("/tasks/lambada_openai?metric=acc&shots=0&x=params");
    expect((await asked).status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Evidence" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Items across sizes" })).toHaveCount(0);
    await expect(page.getByText("Could not load the items")).toHaveCount(0);
  });
});
