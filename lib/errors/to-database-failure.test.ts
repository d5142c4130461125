import { describe, expect, it, vi } from "vitest";
import { DatabaseUnavailableError } from "./database-unavailable";
import { markConnectionLost, toDatabaseFailure } from "./to-database-failure";

const withCode = (code: string) => Object.assign(new Error("whatever the text says"), { code });
/** What Prisma 7 throws for a failed query on @prisma/adapter-pg (shape observed against a closed port). */
const prismaError = (code: string, cause: Record<string, unknown>) =>
  Object.assign(new Error("Invalid `prisma.x()` invocation"), { code, meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });

describe("toDatabaseFailure", () => {
  it.each([
    ["statement timeout", "57014", "timeout", /statement timeout/],
    ["lock timeout", "55P03", "timeout", /lock timeout/],
    ["idle-in-transaction timeout", "25P03", "timeout", /idle-in-transaction timeout/],
    ["a terminated backend", "57P01", "unavailable", /connection was lost/],
    ["a server starting or stopping", "57P03", "unavailable", /starting up or shutting down/],
    ["too many connections", "53300", "unavailable", /no free connections/],
    ["a connection exception class", "08006", "unavailable", /SQLSTATE 08006/],
    ["a refused socket", "ECONNREFUSED", "unavailable", /cannot be reached \(ECONNREFUSED\)/],
    ["Prisma's unreachable server", "P1001", "unavailable", /cannot be reached/],
    ["Prisma's closed connection", "P1017", "unavailable", /connection was lost/],
    ["Prisma's pool timeout", "P2024", "timeout", /no database connection came free/],
  ])("recognises %s by its code", (_, code, kind, reason) => {
    const failure = toDatabaseFailure(withCode(code));
    expect(failure?.kind).toBe(kind);
    expect(failure?.reason).toMatch(reason);
  });

  it("reads the adapter error Prisma wraps (raw queries answer P2010 with the cause inside)", () => {
    expect(toDatabaseFailure(prismaError("P2010", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5999 }))).toEqual({
      kind: "unavailable", reason: "the database server cannot be reached",
    });
    expect(toDatabaseFailure(prismaError("P2010", { kind: "postgres", code: "57014", originalCode: "57014" }))?.kind).toBe("timeout");
    expect(toDatabaseFailure(prismaError("P2010", { kind: "ConnectionClosed" }))?.reason).toMatch(/connection was lost/);
  });

  it("recognises the pool's own error class and a connection marked lost, whatever their text", () => {
    expect(toDatabaseFailure(new DatabaseUnavailableError("could not connect to the database (ECONNREFUSED)"))).toEqual({
      kind: "unavailable", reason: "could not connect to the database (ECONNREFUSED)",
    });
    const terminated = new Error("Connection terminated unexpectedly");
    expect(toDatabaseFailure(terminated)).toBeNull();
    markConnectionLost(terminated);
    expect(toDatabaseFailure(terminated)?.reason).toMatch(/connection was lost/);
  });

  it("recognises errors from another bundle's copy of these modules (the server shares one pool across bundles)", async () => {
    vi.resetModules();
    const other = await import("./database-unavailable");
    const otherMarks = await import("./to-database-failure");
    expect(other.DatabaseUnavailableError).not.toBe(DatabaseUnavailableError);
    expect(toDatabaseFailure(new other.DatabaseUnavailableError("could not connect to the database (EHOSTUNREACH)"))?.reason).toBe(
      "could not connect to the database (EHOSTUNREACH)",
    );
    const dropped = new Error("Connection terminated unexpectedly");
    otherMarks.markConnectionLost(dropped);
    expect(toDatabaseFailure(dropped)?.reason).toMatch(/connection was lost/);
  });

  it("follows the cause chain", () => {
    expect(toDatabaseFailure(new Error("outer", { cause: new Error("mid", { cause: withCode("55P03") }) }))?.kind).toBe("timeout");
  });

  it.each([
    ["a unique violation", withCode("23505")],
    ["a syntax error", withCode("42601")],
    ["Prisma's unique violation", withCode("P2002")],
    ["a plain bug", new TypeError("x is undefined")],
    ["a string", "ECONNREFUSED"],
    ["null", null],
  ])("leaves %s alone (the request or the code is at fault)", (_, err) => {
    expect(toDatabaseFailure(err)).toBeNull();
  });
});
