import { describe, expect, it } from "vitest";
import { dropReadyForQuery } from "./ready-for-query-filter";

/** A backend message: type, int32 length (counting itself), body. */
function message(type: string, body: number[]): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, Buffer.from(body)]);
}

const error = message("E", [0x53, ...Buffer.from("ERROR\0"), 0]);
const ready = message("Z", [0x45]);
const complete = message("C", [...Buffer.from("INSERT 0 1\0")]);
const row = message("D", [0, 1, 0, 0, 0, 3, 0x61, 0x62, 0x63]);

function run(chunks: Uint8Array[]): Buffer {
  const out: Uint8Array[] = [];
  const feed = dropReadyForQuery((data) => out.push(Uint8Array.from(data)));
  chunks.forEach(feed);
  return Buffer.concat(out);
}

describe("dropReadyForQuery", () => {
  it("drops the ReadyForQuery PGlite sends after a failed Execute and keeps the error", () => {
    expect(run([Buffer.concat([error, ready])])).toEqual(error);
  });

  it("forwards every other message unchanged, however the stream is cut", () => {
    const stream = Buffer.concat([row, ready, row, complete, ready, error]);
    const expected = Buffer.concat([row, row, complete, error]);
    for (let size = 1; size <= stream.length; size++) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < stream.length; at += size) chunks.push(stream.subarray(at, at + size));
      expect(run(chunks), `chunks of ${size} bytes`).toEqual(expected);
    }
  });

  it("forwards nothing for an answer that is only ReadyForQuery", () => {
    expect(run([ready]).length).toBe(0);
  });
});
