import "server-only";
// The TCP front of the embedded PGlite: pglite-socket's per-connection protocol
// handler, with our own scheduler for the one backend in place of its queue.
//
// Why our own scheduler: pglite-socket (0.1.6, and still 0.2.17) hands the backend
// from one connection to the next between any two protocol messages unless an
// explicit transaction is open. `pg` sends a query as Parse/Bind/Describe/Execute/
// Sync, so another connection's Parse could land between them: it replaced the
// unnamed statement, an error ended up answering the other connection, and the
// `pg` client saw "unexpected commandComplete" (the embedded CI run failed on it).
// Here a connection keeps the backend from its first message until a message
// that ends its batch (Sync or a simple Query) leaves no transaction open, and
// the extra ReadyForQuery PGlite can send after a failed Execute is dropped
// (./ready-for-query-filter).
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from "@electric-sql/pglite-socket";
import { dropReadyForQuery } from "./ready-for-query-filter";

type Pending = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

const SYNC = 0x53; // 'S'
/** Parse, Bind, Describe, Execute, Close, Flush: messages the protocol never answers with ReadyForQuery. */
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
/** A Sync message: ends whatever extended-protocol batch a vanished connection left open. */
const SYNC_MESSAGE = new Uint8Array([SYNC, 0, 0, 0, 4]);
/** A simple Query "ROLLBACK": ends the transaction a vanished connection left open (a warning when there is none). */
const ROLLBACK_MESSAGE = new Uint8Array([QUERY, 0, 0, 0, 13, ...Buffer.from("ROLLBACK\0", "latin1")]);

/** True when, after this message, the connection no longer needs the backend to itself (outside a transaction). */
function endsBatch(message: Uint8Array): boolean {
  const type = message[0];
  // the startup packet and SSL/cancel requests carry no type byte: their first byte is the length's high byte, 0
  return type === SYNC || type === QUERY || type === TERMINATE || type === 0;
}

/** Runs the protocol messages of all connections on the one backend, a connection's batch or transaction at a time. */
export class BackendScheduler {
  private readonly queue: Pending[] = [];
  private running = false;
  /** The connection the backend belongs to until its batch or transaction ends. */
  private holder: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.run();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].handlerId !== handlerId) continue;
      this.queue.splice(i, 1)[0].reject(new Error("Handler disconnected"));
    }
  }

  /** A connection went away: end its batch and roll back its transaction, through the queue, then the backend is free. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.holder !== handlerId) return;
    const discard = () => {};
    await Promise.all([this.enqueue(handlerId, SYNC_MESSAGE, discard), this.enqueue(handlerId, ROLLBACK_MESSAGE, discard)]);
  }

  private next(): Pending | undefined {
    const index = this.holder === null ? 0 : this.queue.findIndex((p) => p.handlerId === this.holder);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        let bytes = 0;
        try {
          const answer = (data: Uint8Array) => {
            bytes += data.length;
            item!.onData(data);
          };
          const onRawData = EXTENDED.has(item.message[0]) ? dropReadyForQuery(answer) : answer;
          await this.db.runExclusive(() => this.db.execProtocolRawStream(item!.message, { onRawData }));
        } catch (error) {
          item.reject(error);
          continue;
        }
        this.holder = endsBatch(item.message) && !this.db.isInTransaction() ? null : item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.running = false;
    }
  }
}

export type EmbeddedSocketServer = { port: number; stop(): Promise<void> };

/** Serves `db` on host:port (0 picks a free port) to at most `maxConnections` clients at once. */
export async function serveEmbedded(db: PGlite, host: string, port: number, maxConnections: number): Promise<EmbeddedSocketServer> {
  const scheduler = new BackendScheduler(db);
  const handlers = new Set<PGLiteSocketHandler>();
  const server = net.createServer((socket) => {
    if (handlers.size >= maxConnections) {
      socket.end("Too many connections\n");
      return;
    }
    const handler = new PGLiteSocketHandler({
      // the handler only calls the four public methods the scheduler has
      queryQueue: scheduler as unknown as PGLiteSocketHandlerOptions["queryQueue"],
      closeOnDetach: true,
    });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener("close", forget);
    handler.addEventListener("error", forget);
    void handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  });
  server.maxConnections = maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address !== "object") throw new Error("the embedded database server has no TCP address");
  return {
    port: address.port,
    async stop() {
      await Promise.all([...handlers].map((h) => h.detach(true)));
      handlers.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
