import { defineConfig } from "prisma/config";

// Run the CLI through `node scripts/prisma.mjs` (npm run prisma / db:*), which
// wires in the offline schema engine. The database comes from DATABASE_URL; it
// is left undefined when unset so that `generate` works without a database,
// and the commands that need one stop with Prisma's "datasource.url" error.
// SHADOW_DATABASE_URL (optional) names a database `migrate dev` may wipe; without
// it a temporary shadow database is created on the DATABASE_URL server.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL || undefined,
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL || undefined,
  },
});
