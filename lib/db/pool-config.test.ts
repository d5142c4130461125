import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env.js";
import { toPoolConfig } from "./pool-config";

const URL = "postgresql://postgres@127.0.0.1:5432/x";

describe("toPoolConfig", () => {
  it("gives Postgres eight connections with the default timeouts as session settings, JIT off", () => {
    expect(toPoolConfig(URL, readEnv({}))).toEqual({
      connectionString: URL, max: 8, statement_timeout: 60_000, lock_timeout: 30_000, idle_in_transaction_session_timeout: 120_000,
      options: "-c jit=off",
    });
  });

  it("follows the environment's timeouts", () => {
    const env = readEnv({ ATLAS_DB_STATEMENT_TIMEOUT_MS: "1500", ATLAS_DB_LOCK_TIMEOUT_MS: "0", ATLAS_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: "9000" });
    expect(toPoolConfig(URL, env)).toMatchObject({ statement_timeout: 1500, lock_timeout: 0, idle_in_transaction_session_timeout: 9000 });
  });

  it("gives the embedded database one connection and no session timeouts", () => {
    expect(toPoolConfig(URL, readEnv({ ATLAS_DATABASE_KIND: "embedded" }))).toEqual({ connectionString: URL, max: 1 });
  });

  it("refuses a timeout that is not a whole number of milliseconds", () => {
    expect(() => readEnv({ ATLAS_DB_LOCK_TIMEOUT_MS: "soon" })).toThrow(/ATLAS_DB_LOCK_TIMEOUT_MS/);
  });
});
