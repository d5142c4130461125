// Processes of a multi-machine deployment on one machine, for e2e/scale-out.spec.ts: web processes
// (`next start` on the e2e build, no in-process worker), analysis workers (`npm run worker`), and a
// TCP proxy in front of Postgres that a test can cut and restore (the database "going away").
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import net from "node:net";

export type Proc = { child: ChildProcess; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<void> };

function launch(command: string, args: string[], env: Record<string, string>): Proc {
  let output = "";
  // its own process group: stopping it stops its children (a worker's analysis processes) too
  const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = once(child, "exit");
  return {
    child,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, signal);
      } catch {
        return;
      }
      await exited;
    },
  };
}

/** A web process on `port` against `databaseUrl`, with no analysis worker inside (workers run apart). */
export function startWeb(port: number, databaseUrl: string, extra: Record<string, string> = {}): Proc {
  return launch("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(port)], {
    DATABASE_URL: databaseUrl, ATLAS_DATABASE_KIND: "postgres", ATLAS_IN_PROCESS_WORKER: "0", ...extra,
  });
}

/** `npm run worker` (through tsx directly, so the process group is the worker's own). */
export function startWorker(databaseUrl: string, extra: Record<string, string> = {}): Proc {
  return launch("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/worker.ts"], { DATABASE_URL: databaseUrl, ...extra });
}

/** Resolves once `proc` has printed `text` (e.g. a worker's start line); rejects if it exits first. */
export async function printed(proc: Proc, text: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!proc.output().includes(text)) {
    if (proc.child.exitCode !== null) throw new Error(`exited before printing "${text}":\n${proc.output()}`);
    if (Date.now() > deadline) throw new Error(`did not print "${text}" in time:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An admin API token on the database, made with the CLI (which also applies migrations and installs the job engine). */
export function createAdminToken(databaseUrl: string, name: string): string {
  const out = execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/token.ts", "create", name, "--admin"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  return out.trim().split("\n").pop()!;
}

/** A TCP proxy to Postgres on `port`: `cut()` closes it and every connection through it, `restore()` listens again. */
export function postgresProxy(port: number, target = { host: "127.0.0.1", port: 5432 }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const restore = async () => {
    server = net.createServer((client) => {
      const upstream = net.connect(target);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    server.listen(port, "127.0.0.1");
    await once(server, "listening");
  };
  const cut = async () => {
    for (const s of sockets) s.destroy();
    if (server) await new Promise((r) => server!.close(r));
    server = null;
  };
  return { restore, cut };
}
