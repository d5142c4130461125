import { parsedItemSchema, type ParsedItem } from "@/lib/schemas/parsed-items";
import { findHiddenCharacter } from "@/lib/schemas/safe-name";
import { IngestError } from "./ingest-error";

function checkName(fileName: string, field: string, value: string | number | null, source: ParsedItem["source"]): void {
  if (typeof value !== "string") return;
  const found = findHiddenCharacter(value);
  if (found !== null) throw new IngestError(fileName, `${field} ${JSON.stringify(value)} contains ${found}`, { line: source.line, key: source.key ?? field });
}

/**
 * Validates one item against parsedItemSchema and the name rule (task, filter,
 * metric names and ids, as for results); a violation becomes an IngestError
 * naming the item's line or key.
 */
export function toParsedItem(fileName: string, draft: ParsedItem): ParsedItem {
  const checked = parsedItemSchema.safeParse(draft);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new IngestError(fileName, `invalid item ${issue.path.join(".")}: ${issue.message}`, {
      line: draft.source.line,
      key: draft.source.key ?? issue.path.join("."),
    });
  }
  const item = checked.data;
  checkName(fileName, "task", item.task, item.source);
  checkName(fileName, "filter", item.filter, item.source);
  checkName(fileName, "doc id", item.docId, item.source);
  checkName(fileName, "doc hash", item.docHash, item.source);
  for (const metric of Object.keys(item.metrics)) checkName(fileName, "metric", metric, item.source);
  return item;
}
