import { strToU8, zipSync, type Zippable } from "fflate";

// Zip archives for tests of the .eval reader: built with fflate, then (for the
// archives no honest writer makes) patched in place: a declared size that lies,
// an encrypted flag, a duplicated name.

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** An archive of text files; level 9 deflate unless told otherwise. */
export function buildZip(files: Record<string, string | Uint8Array>, level: 0 | 9 = 9): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) zippable[name] = [typeof content === "string" ? strToU8(content) : content, { level }];
  return zipSync(zippable);
}

type Patch = { uncompressedSize?: number; flags?: number; name?: string };

/**
 * Rewrites the headers (local and central) of the entry called `name`: its
 * declared uncompressed size, its general-purpose flags, or its name (same length).
 */
export function patchEntry(zip: Uint8Array, name: string, patch: Patch): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const wanted = new TextDecoder().decode(strToU8(name));
  let patched = 0;
  for (let at = 0; at + 46 <= out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature !== CENTRAL && signature !== LOCAL) continue;
    const central = signature === CENTRAL;
    const nameLength = view.getUint16(at + (central ? 28 : 26), true);
    const nameAt = at + (central ? 46 : 30);
    if (new TextDecoder().decode(out.subarray(nameAt, nameAt + nameLength)) !== wanted) continue;
    if (patch.uncompressedSize !== undefined) view.setUint32(at + (central ? 24 : 22), patch.uncompressedSize, true);
    if (patch.flags !== undefined) view.setUint16(at + (central ? 8 : 6), patch.flags, true);
    if (patch.name !== undefined) out.set(strToU8(patch.name), nameAt);
    patched++;
  }
  if (patched !== 2) throw new Error(`expected a local and a central header for ${name}, found ${patched}`);
  return out;
}
