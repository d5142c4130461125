// First-load JavaScript and time to a drawn chart, in Chromium against a running server (issue 12,
// item 5): each page opened in a fresh browser context (cold cache), the JS bytes on the wire (gzip, as
// `next start` serves them) counted from the Resource Timing entries at the load event and again once
// the chart is drawn (lazy chunks included), and the moment the chart's marks first appear taken by a
// MutationObserver installed before any page script runs (milliseconds after navigation start).
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { median } from "@/lib/emergence/quantile";

import type { PageLoad } from "@/lib/bench/system-sections";

export type PageLoadTarget = { name: string; path: string; drawn: string };

const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p): p is string => Boolean(p) && existsSync(p!));

type Sample = { initialJs: number; allJs: number; loadMs: number; drawnMs: number };

/** In the page: the JS body bytes (encoded, i.e. gzip) of every script fetched so far. A string, so no transpiler helper leaks into the page. */
const JS_BYTES = `performance.getEntriesByType("resource")
  .filter((e) => e.initiatorType === "script" || /\\.js(\\?|$)/.test(e.name))
  .reduce((n, e) => n + e.encodedBodySize, 0)`;
/** In the page: the load event's time after navigation start (ms). */
const LOAD_MS = `performance.getEntriesByType("navigation")[0].loadEventStart`;
/** In the page: when the observer first saw the chart's marks (ms after navigation start). */
const DRAWN_MS = "window.__drawnAt";

export async function measurePageLoads(baseUrl: string, targets: PageLoadTarget[], runs: number): Promise<PageLoad[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  try {
    const out: PageLoad[] = [];
    for (const target of targets) {
      const samples: Sample[] = [];
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.addInitScript(`new MutationObserver((_, observer) => {
          if (document.querySelector(${JSON.stringify(target.drawn)})) { ${DRAWN_MS} = performance.now(); observer.disconnect(); }
        }).observe(document, { childList: true, subtree: true });`);
        await page.goto(baseUrl + target.path, { waitUntil: "load", timeout: 120_000 });
        const initialJs = await page.evaluate<number>(JS_BYTES);
        await page.waitForFunction(`${DRAWN_MS} !== undefined`, undefined, { timeout: 120_000 });
        samples.push({ initialJs, allJs: await page.evaluate<number>(JS_BYTES), loadMs: await page.evaluate<number>(LOAD_MS), drawnMs: await page.evaluate<number>(DRAWN_MS) });
        await context.close();
      }
      const med = (pick: (s: Sample) => number) => median(samples.map(pick));
      out.push({
        name: target.name, path: target.path, runs,
        initialJsKiB: med((s) => s.initialJs) / 1024, allJsKiB: med((s) => s.allJs) / 1024,
        loadMs: med((s) => s.loadMs), drawnMs: med((s) => s.drawnMs),
      });
    }
    return out;
  } finally {
    await browser.close();
  }
}
