// CPU time used by this Node process and by the local Postgres server's processes, for
// the benchmarks' CPU accounting: on a machine with few cores, work that overlaps in
// time still shares them, so the wall time is bounded below by the CPU time over the cores.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import type { CpuMs } from "@/lib/bench/benchmarks-markdown";
import { processCpuTicks } from "@/lib/bench/proc-stat";

const ticksPerSecond = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** CPU milliseconds of every process named `postgres` on this machine, or null when none is visible (remote or embedded). */
function postgresCpuMs(): number | null {
  let ticks = 0;
  let seen = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let line: string;
    try {
      line = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    const t = processCpuTicks(line, "postgres");
    if (t === null) continue;
    ticks += t;
    seen++;
  }
  return seen === 0 ? null : (ticks * 1000) / ticksPerSecond;
}

/** Runs `work` and returns its value with the CPU time Node and the Postgres server spent meanwhile. */
export async function withCpuUse<T>(work: () => Promise<T>): Promise<[T, CpuMs]> {
  const node = process.cpuUsage();
  const pg = postgresCpuMs();
  const value = await work();
  const used = process.cpuUsage(node);
  const pgAfter = postgresCpuMs();
  return [value, { node: (used.user + used.system) / 1000, postgres: pg === null || pgAfter === null ? null : pgAfter - pg }];
}
