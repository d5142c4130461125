import { describe, expect, it } from "vitest";
import { crc32, readPngDpi, readPngSize, withPngDpi } from "./png-dpi";

const ascii = (s: string) => new TextEncoder().encode(s);

/** A real 1×1 PNG (signature, IHDR, IDAT, IEND) as zlib would write it. */
const ONE_PIXEL = Uint8Array.from(Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64",
));

function chunkTypes(png: Uint8Array): string[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const types: string[] = [];
  for (let at = 8; at < png.length; at += 12 + view.getUint32(at)) types.push(String.fromCharCode(...png.subarray(at + 4, at + 8)));
  return types;
}

describe("crc32", () => {
  it("matches the PNG specification's CRC (the IEND chunk's is AE 42 60 82)", () => {
    expect(crc32(ascii("IEND"))).toBe(0xae426082);
    expect(crc32(ascii("123456789"))).toBe(0xcbf43926);
  });
});

describe("withPngDpi", () => {
  it("inserts a pHYs chunk right after IHDR saying the resolution in pixels per metre", () => {
    expect(readPngDpi(ONE_PIXEL)).toBeNull();
    const png = withPngDpi(ONE_PIXEL, 300);
    expect(chunkTypes(png)).toEqual(["IHDR", "pHYs", "IDAT", "IEND"]);
    expect(readPngDpi(png)).toEqual({ x: 300, y: 300 });
    expect(readPngSize(png)).toEqual({ width: 1, height: 1 });
    // 300 dpi = 11811 px/m, unit byte 1 (metre), and a CRC over type + data
    const at = 33;
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(at), view.getUint32(at + 8), view.getUint32(at + 12), png[at + 16]]).toEqual([9, 11811, 11811, 1]);
    expect(view.getUint32(at + 17)).toBe(crc32(png.subarray(at + 4, at + 17)));
  });

  it("replaces an existing pHYs rather than adding a second", () => {
    const png = withPngDpi(withPngDpi(ONE_PIXEL, 72), 600);
    expect(chunkTypes(png)).toEqual(["IHDR", "pHYs", "IDAT", "IEND"]);
    expect(readPngDpi(png)).toEqual({ x: 600, y: 600 });
  });

  it("refuses bytes that are not a PNG", () => {
    expect(() => withPngDpi(ascii("GIF89a........................"), 300)).toThrow(/not a PNG/);
  });
});
