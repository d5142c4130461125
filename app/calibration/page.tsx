import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "next";
import { marked } from "marked";

export const metadata: Metadata = { title: "Calibration of the verdicts · Emergence Atlas" };

/** docs/calibration.md (written by `npm run calibrate`) as a page, linked from /verdicts. */
export default async function CalibrationPage() {
  const markdown = await readFile(path.join(process.cwd(), "docs", "calibration.md"), "utf8");
  const html = await marked.parse(markdown.replace("(verdicts.md)", "(/verdicts)"));
  return <article className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
