import "server-only";
import pg from "pg";
import { DatabaseUnavailableError } from "@/lib/errors/database-unavailable";

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/** A client that gives up connecting after `ms` (the pool's own wait for a free client stays unbounded). */
function clientWithConnectTimeout(ms: number) {
  return class extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super({ ...(typeof config === "string" ? { connectionString: config } : config), connectionTimeoutMillis: ms });
    }
  };
}

/** Why connecting failed, from the error's code and how long it took (node-postgres's timeouts carry no code). */
function toUnavailable(err: Error, elapsedMs: number, timeoutMs: number): DatabaseUnavailableError {
  const code = (err as { code?: unknown }).code;
  const why =
    typeof code === "string" ? (/^[0-9A-Z]{5}$/.test(code) && !code.startsWith("E") ? `SQLSTATE ${code}` : code)
    : elapsedMs >= timeoutMs ? `no answer within ${timeoutMs} ms (ATLAS_DB_CONNECT_TIMEOUT_MS)`
    : "the connection closed while opening";
  return new DatabaseUnavailableError(`could not connect to the database (${why})`, { cause: err });
}

/**
 * The process's pg pool: every failure to get a connection (refused, unknown
 * host, no answer within the connect timeout, a server refusing new sessions)
 * rejects as a DatabaseUnavailableError saying why, for pool.query, pool.connect
 * and Prisma's adapter alike (Prisma passes errors it does not know through).
 */
export class AtlasPool extends pg.Pool {
  private readonly connectTimeoutMs: number;

  constructor(config: pg.PoolConfig, connectTimeoutMs: number) {
    super({ ...config, Client: clientWithConnectTimeout(connectTimeoutMs) as unknown as pg.PoolConfig["Client"] });
    this.connectTimeoutMs = connectTimeoutMs;
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const started = performance.now();
    const wrap = (err: Error) => toUnavailable(err, performance.now() - started, this.connectTimeoutMs);
    if (callback === undefined) {
      return super.connect().catch((err: Error) => {
        throw wrap(err);
      });
    }
    super.connect((err, client, done) => callback(err ? wrap(err) : undefined, client, done));
  }
}
