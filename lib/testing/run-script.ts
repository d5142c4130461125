import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { inject } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

export type ScriptResult = { code: number; stdout: string; stderr: string };

/** Runs one of scripts/*.ts as a user would (a child process) against the test database. */
export async function runScript(script: string, ...args: string[]): Promise<ScriptResult> {
  try {
    const { stdout, stderr } = await run(
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", `scripts/${script}`, ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: inject("databaseUrl") } },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
