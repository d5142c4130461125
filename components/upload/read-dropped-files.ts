/** A file as the page lists it: the File and its path inside a dropped or picked folder. */
export type DroppedFile = { file: File; path: string; fromFolder: boolean };

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: DroppedFile[], inFolder: boolean): Promise<void> {
  if (entry.isFile) {
    out.push({ file: await fileOf(entry as FileSystemFileEntry), path: entry.fullPath.replace(/^\//, ""), fromFolder: inFolder });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches (100 in Chromium) until an empty one
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, out, true);
  }
}

/** Every file in a drop, walking into dropped folders. */
export async function readDroppedFiles(data: DataTransfer): Promise<DroppedFile[]> {
  const entries = [...data.items].filter((i) => i.kind === "file").map((i) => i.webkitGetAsEntry());
  if (entries.length === 0 || entries.some((e) => e === null)) {
    return [...data.files].map((file) => ({ file, path: file.name, fromFolder: false }));
  }
  const out: DroppedFile[] = [];
  for (const entry of entries) await walk(entry!, out, false);
  return out;
}

/** The files of an `<input type=file>`, with their folder paths when a folder was picked. */
export function readInputFiles(list: FileList | null, fromFolder: boolean): DroppedFile[] {
  return [...(list ?? [])].map((file) => ({ file, path: file.webkitRelativePath || file.name, fromFolder }));
}
