// The token CLI as a user runs it: a child process against the test database.
import { describe, expect, it } from "vitest";
import { runScript } from "@/lib/testing/run-script";
import { POST } from "@/app/api/uploads/route";
import { DELETE } from "@/app/api/uploads/[id]/route";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { longCsv, uniqueName } from "@/lib/testing/factories";
import { uploadRequest } from "@/lib/testing/upload-requests";
import { getPool } from "@/lib/db/client";


const token = (...args: string[]) => runScript("token.ts", ...args);

const upload = (secret: string) =>
  POST(uploadRequest(longCsv([{ model: "pythia-70m", task: uniqueName("cli_tok_task"), metric: "acc", value: 0.5 }]), { token: secret }));

describe("npm run token", () => {
  it("creates a token shown once, lists it by name and prefix only, and revokes it", async () => {
    const name = uniqueName("ci");
    const created = await token("create", name);
    expect(created.code).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^atl_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toMatch(/shown once/);
    // stored hashed: the secret is nowhere in the table
    const { rows } = await getPool().query("SELECT * FROM api_token WHERE name = $1", [name]);
    expect(JSON.stringify(rows)).not.toContain(secret);

    expect((await upload(secret)).status).toBe(201);

    const listed = await token("list");
    expect(listed.code).toBe(0);
    const line = listed.stdout.split("\n").find((l) => l.startsWith(`${name}\t`))!;
    expect(line.split("\t")).toEqual([name, secret.slice(0, 12), "-", expect.stringMatching(/^\d{4}-/), "-", expect.stringMatching(/^\d{4}-/)]);
    expect(listed.stdout).not.toContain(secret);

    const revoked = await token("revoke", name);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(new RegExp(`revoked ${name}`));
    expect((await token("list")).stdout.split("\n").find((l) => l.startsWith(`${name}\t`))!.split("\t")[4]).toMatch(/^\d{4}-/);
    expect((await upload(secret)).status).toBe(401);
  });

  it("creates an admin token with --admin, which may delete an upload the command line made", async () => {
    const name = uniqueName("ops");
    const created = await token("create", name, "--admin");
    expect(created.code).toBe(0);
    expect(created.stderr).toMatch(new RegExp(`created admin token ${name}`));
    const line = (await token("list")).stdout.split("\n").find((l) => l.startsWith(`${name}\t`))!;
    expect(line.split("\t")[2]).toBe("admin");
    const cli = await ingestFile({ fileName: "cli.csv", bytes: longCsv([{ model: "pythia-70m", task: uniqueName("cli_tok_task"), metric: "acc", value: 0.5 }]), registry: await buildRegistry() });
    if (!cli.ok) throw new Error(cli.error);
    const del = (secret: string) =>
      DELETE(new Request(`http://atlas.test/api/uploads/${cli.uploadId}`, { method: "DELETE", headers: { authorization: `Bearer ${secret}` } }), {
        params: Promise.resolve({ id: String(cli.uploadId) }),
      });
    expect((await del((await token("create", uniqueName("plain"))).stdout.trim())).status).toBe(403);
    expect((await del(created.stdout.trim())).status).toBe(200);
  });

  it("refuses a duplicate name, an unknown name to revoke, and a bad name", async () => {
    const name = uniqueName("ci");
    expect((await token("create", name)).code).toBe(0);
    const dup = await token("create", name);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
    expect(dup.stdout).toBe("");
    const unknown = await token("revoke", uniqueName("nobody"));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no token named/);
    const bad = await token("create", "has space");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/NAME: .*\nusage: npm run token --/);
    expect((await token("create", uniqueName("ci"), "--root")).code).toBe(2);
    expect((await token()).code).toBe(2);
  });
});
