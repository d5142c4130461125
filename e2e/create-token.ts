import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/** A fresh API token on the server's database (e2e/serve.ts says where that is), made with the CLI a user would run. */
export function createToken(): { token: string; name: string } {
  const server = JSON.parse(readFileSync(path.join("test-results", "e2e-server.json"), "utf8")) as Record<string, string>;
  const name = `e2e-${randomUUID().slice(0, 8)}`;
  const out = execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/token.ts", "create", name], {
    env: { ...process.env, ...server },
    encoding: "utf8",
  });
  return { token: out.trim().split("\n").pop()!, name };
}
