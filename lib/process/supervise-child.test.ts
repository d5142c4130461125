import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { superviseChild } from "./supervise-child";

/** A node child that writes `ready` once its signal handlers are installed. */
function child(body: string, opts?: { graceMs: number }) {
  const ready = path.join(mkdtempSync(path.join(tmpdir(), "atlas-child-")), "ready");
  const script = `${body}; require("node:fs").writeFileSync(${JSON.stringify(ready)}, ""); setInterval(() => {}, 1000);`;
  return { supervised: superviseChild(process.execPath, ["-e", script], opts), ready };
}

async function until(file: string) {
  while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("superviseChild", () => {
  it("forwards a signal and resolves once the child has finished its own shutdown", async () => {
    // a child that takes a moment to shut down, as next-server closing its sockets does
    const { supervised, ready } = child(`process.on("SIGTERM", () => setTimeout(() => process.exit(7), 200))`);
    await until(ready);
    expect(await supervised.stop("SIGTERM")).toEqual({ code: 7, signal: null });
  });

  it("kills a child that ignores the signal after the grace period", async () => {
    const { supervised, ready } = child(`process.on("SIGTERM", () => {})`, { graceMs: 300 });
    await until(ready);
    expect(await supervised.stop("SIGTERM")).toEqual({ code: null, signal: "SIGKILL" });
  });

  it("reports a child that exits by itself, and a command that cannot start", async () => {
    expect(await superviseChild(process.execPath, ["-e", "process.exit(3)"]).exited).toEqual({ code: 3, signal: null });
    expect(await superviseChild("/nonexistent/next", []).exited).toEqual({ code: 127, signal: null });
  });
});
