/** What the page knows of a picked or dropped file: its name, its path inside a picked folder, size and time. */
export type PickedFile = { name: string; path: string; size: number; lastModified: number };

const RESULT_FILE = /\.(json|csv|jsonl|eval)$/i;

/** Stable identity of a picked file, so picking the same file twice adds it once. */
export function toFileId(file: PickedFile): string {
  return `${file.path}\u0000${file.size}\u0000${file.lastModified}`;
}

/**
 * The files to preview among those just picked: from a folder only results
 * files (.json, .csv, .jsonl, .eval; README, LICENSE and the like are left out and counted),
 * single picks all (the API says what it cannot read), none already listed.
 */
export function pickUploadFiles<T extends PickedFile>(
  incoming: readonly T[],
  listed: ReadonlySet<string>,
  fromFolder: boolean,
): { added: Array<T & { id: string }>; ignored: string[] } {
  const added: Array<T & { id: string }> = [];
  const ignored: string[] = [];
  const seen = new Set(listed);
  for (const file of incoming) {
    if (fromFolder && !RESULT_FILE.test(file.name)) {
      ignored.push(file.path);
      continue;
    }
    const id = toFileId(file);
    if (seen.has(id)) continue;
    seen.add(id);
    added.push({ ...file, id });
  }
  return { added, ignored };
}
