import { defineConfig } from "vitest/config";
import path from "node:path";

const shared = {
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // lib/db imports "server-only", a guard that is an empty module on the server
      // (its "react-server" export); Node loads it from node_modules without that condition.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
};

// Two projects: pure unit tests, and *.db.test.ts against a real database
// (DATABASE_URL, which must name a *_test database, or else an embedded PGlite).
export default defineConfig({
  ...shared,
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "e2e/**", "node_modules/**", ".next/**"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        ...shared,
        test: {
          name: "db",
          include: ["lib/**/*.db.test.ts", "app/**/*.db.test.ts", "scripts/**/*.db.test.ts"],
          globalSetup: ["lib/testing/global-setup.ts"],
          setupFiles: ["lib/testing/use-test-database.ts"],
          // one worker: the embedded database serialises queries anyway, and tests stay independent by factories
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
