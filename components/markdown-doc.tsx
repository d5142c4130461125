import { readFile } from "node:fs/promises";
import path from "node:path";
import { marked } from "marked";

/**
 * A committed document from docs/ as a page (server-rendered): the file stays the
 * single source, and links between docs are pointed at their pages. Only the
 * project's own trusted text is rendered.
 */
export async function MarkdownDoc({ file, links }: { file: string; links: Record<string, string> }) {
  let markdown = await readFile(path.join(process.cwd(), "docs", file), "utf8");
  for (const [from, to] of Object.entries(links)) markdown = markdown.replaceAll(`(${from})`, `(${to})`);
  const html = await marked.parse(markdown);
  return <article className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
