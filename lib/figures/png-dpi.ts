const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const METRES_PER_INCH = 0.0254;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG chunks use it (ISO 3309 / ITU-T V.42, PNG spec §5.5). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function isPng(png: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => png[i] === b) && String.fromCharCode(...png.subarray(12, 16)) === "IHDR";
}

type Chunk = { type: string; start: number; end: number; data: Uint8Array };

function chunks(png: Uint8Array): Chunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: Chunk[] = [];
  for (let at = 8; at + 12 <= png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    out.push({ type, start: at, end: at + 12 + length, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

/**
 * The PNG with a pHYs chunk saying `dpi` (pixels per metre, unit 1), placed right
 * after IHDR as the spec requires (before IDAT); an existing pHYs is replaced.
 */
export function withPngDpi(png: Uint8Array, dpi: number): Uint8Array {
  if (!isPng(png)) throw new Error("not a PNG file");
  const ppm = Math.round(dpi / METRES_PER_INCH);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, ppm);
  view.setUint32(12, ppm);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  const kept = chunks(png).filter((c) => c.type !== "pHYs");
  const ihdr = kept[0];
  const parts = [png.subarray(0, ihdr.end), chunk, ...kept.slice(1).map((c) => png.subarray(c.start, c.end))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The pHYs of a PNG as dots per inch (rounded), or null when it has none or no metre unit. */
export function readPngDpi(png: Uint8Array): { x: number; y: number } | null {
  const phys = chunks(png).find((c) => c.type === "pHYs");
  if (!phys || phys.data[8] !== 1) return null;
  const view = new DataView(phys.data.buffer, phys.data.byteOffset, 9);
  return { x: Math.round(view.getUint32(0) * METRES_PER_INCH), y: Math.round(view.getUint32(4) * METRES_PER_INCH) };
}

/** Width and height from the IHDR chunk. */
export function readPngSize(png: Uint8Array): { width: number; height: number } {
  if (!isPng(png)) throw new Error("not a PNG file");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
