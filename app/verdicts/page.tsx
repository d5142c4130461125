import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "next";
import { marked } from "marked";

export const metadata: Metadata = { title: "What a verdict claims · Emergence Atlas" };

/**
 * docs/verdicts.md, the statement of every verdict and its parameters, as a page:
 * verdict badges link here (/verdicts#abrupt). The file is the single source; it is
 * read when the page is built and rendered by marked (its own trusted text only).
 */
export default async function VerdictsPage() {
  const markdown = await readFile(path.join(process.cwd(), "docs", "verdicts.md"), "utf8");
  const html = await marked.parse(markdown.replace("(calibration.md)", "(/calibration)"));
  return <article className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
