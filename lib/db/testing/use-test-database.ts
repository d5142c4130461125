import { afterAll, inject } from "vitest";
import { closeDb } from "@/lib/db/client";

// Every db test file talks to the database global-setup prepared.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.ATLAS_DATABASE_KIND = inject("databaseKind");

afterAll(async () => {
  await closeDb();
});
