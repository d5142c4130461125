// PGlite 0.4.6 can answer an Execute that fails with ErrorResponse *and* ReadyForQuery
// (seen for a statement trigger's error at the end of a 12k-row INSERT), then the Sync
// that follows with another ReadyForQuery. A `pg` client takes the
// second one as the end of its next query and then meets that query's real answer:
// "Received unexpected commandComplete message from backend" (the embedded CI run).
// In the protocol only Sync, a simple Query and the startup are answered with
// ReadyForQuery, so the embedded server drops it from the answer to any other message.

const READY_FOR_QUERY = 0x5a; // 'Z'
const HEADER = 5; // type byte + int32 length (which counts itself)

/**
 * A filter over a stream of backend messages, cut anywhere into chunks: forwards
 * every message but ReadyForQuery, byte for byte and in order.
 */
export function dropReadyForQuery(forward: (data: Uint8Array) => void): (chunk: Uint8Array) => void {
  let header = new Uint8Array(0); // the start of a message header cut by a chunk boundary
  let bodyLeft = 0; // bytes of the current message's body still to come
  let dropping = false;
  return (chunk) => {
    const kept: Uint8Array[] = [];
    let at = 0;
    while (at < chunk.length) {
      if (bodyLeft > 0) {
        const n = Math.min(bodyLeft, chunk.length - at);
        if (!dropping) kept.push(chunk.subarray(at, at + n));
        at += n;
        bodyLeft -= n;
        continue;
      }
      const take = chunk.subarray(at, at + HEADER - header.length);
      header = Buffer.concat([header, take]);
      at += take.length;
      if (header.length < HEADER) break;
      dropping = header[0] === READY_FOR_QUERY;
      bodyLeft = Buffer.from(header).readInt32BE(1) - 4;
      if (!dropping) kept.push(header);
      header = new Uint8Array(0);
    }
    if (kept.length > 0) forward(kept.length === 1 ? kept[0] : Buffer.concat(kept));
  };
}
