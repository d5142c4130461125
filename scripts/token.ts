// npm run token -- create NAME [--admin] | list | revoke NAME
// Thin CLI over lib/db/api-tokens.ts. `create` prints the token once, on stdout;
// only its hash is stored, so it cannot be shown again. An admin token may delete
// any upload; other tokens only their own.
import { z } from "zod";
import { tokenNameSchema } from "@/lib/auth/token-name";
import { closeDb } from "@/lib/db/client";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/db/api-tokens";
import { openDatabase } from "@/lib/db/open-database";

const USAGE = "usage: npm run token -- create NAME [--admin] | list | revoke NAME";

const argsSchema = z.union([
  z.tuple([z.literal("create"), tokenNameSchema]),
  z.tuple([z.literal("create"), tokenNameSchema, z.literal("--admin")]),
  z.tuple([z.literal("revoke"), tokenNameSchema]),
  z.tuple([z.literal("list")]),
]);

const argv = process.argv.slice(2);
const parsed = argsSchema.safeParse(argv);
if (!parsed.success) {
  const name = argv.length >= 2 ? tokenNameSchema.safeParse(argv[1]) : null;
  console.error(`${name && !name.success ? `NAME: ${name.error.issues[0].message}` : "expected a command"}\n${USAGE}`);
  process.exit(2);
}
const args = parsed.data;

const db = await openDatabase();
try {
  if (args[0] === "create") {
    const existing = (await listApiTokens()).find((t) => t.name === args[1]);
    if (existing) {
      console.error(`a token named ${args[1]} already exists (revoked: ${existing.revokedAt ?? "no"}); pick another name`);
      process.exitCode = 1;
    } else {
      const created = await createApiToken(args[1], { admin: args[2] === "--admin" });
      console.error(`created ${created.admin ? "admin " : ""}token ${created.name} (${created.prefix}…); it is shown once, store it now:`);
      console.log(created.token);
    }
  } else if (args[0] === "revoke") {
    const revoked = await revokeApiToken(args[1]);
    if (revoked === null) {
      console.error(`no token named ${args[1]}`);
      process.exitCode = 1;
    } else {
      console.log(`revoked ${revoked.name} (${revoked.prefix}…) at ${revoked.revokedAt}`);
    }
  } else {
    const tokens = await listApiTokens();
    console.log(["name", "prefix", "admin", "created", "revoked", "last used"].join("\t"));
    for (const t of tokens) console.log([t.name, t.prefix, t.admin ? "admin" : "-", t.createdAt, t.revokedAt ?? "-", t.lastUsedAt ?? "-"].join("\t"));
  }
} finally {
  await closeDb();
  await db.stop();
}
