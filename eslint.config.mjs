// ESLint with the Next.js rules (core web vitals, TypeScript), plus the project's own:
// no `any`, exhaustive hook dependencies, no import cycles, and the layers of lib/
// (docs/architecture.md): a folder imports only folders below it.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Pure logic and its vocabulary: no database, no workflow, no route, no client state. */
const PURE = ["schemas", "errors", "domain", "auth", "emergence", "ingest", "registry", "charts", "figures", "view-state", "view-models", "bench", "process", "audit"];
const lib = (folder) => `./lib/${folder}`;

/** `from` may not be imported by `target` (import/no-restricted-paths zones). */
const layers = [
  { target: "./lib", from: ["./app", "./components", "./scripts", "./e2e"], message: "lib/ is below app, components and scripts" },
  { target: PURE.map(lib), from: ["db", "services", "api", "queries", "testing"].map(lib), message: "pure logic imports no database, workflow, route or client code" },
  { target: ["schemas", "errors"].map(lib), from: PURE.filter((f) => f !== "schemas" && f !== "errors").map(lib), message: "schemas and errors are the bottom layer" },
  { target: lib("db"), from: ["services", "api", "queries", "testing"].map(lib), message: "lib/db is SQL: it imports nothing above it" },
  { target: lib("services"), from: ["api", "queries", "testing"].map(lib), message: "workflows are called by routes and scripts, not the other way" },
  { target: lib("api"), from: ["services", "queries", "testing"].map(lib), message: "lib/api is route plumbing: routes call services themselves" },
  { target: lib("queries"), from: ["db", "services", "api", "testing"].map(lib), message: "client queries reach the server through the API only" },
  { target: "./components", from: ["db", "services", "api", "testing"].map(lib), message: "components reach the server through lib/queries" },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    settings: { "import/resolver": { typescript: { project: "./tsconfig.json" }, node: true } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "react-hooks/exhaustive-deps": "error",
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/testing/**"],
    rules: { "import/no-restricted-paths": ["error", { zones: layers }] },
  },
  globalIgnores([".next/**", ".next-*/**", "out/**", "build/**", "next-env.d.ts", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", ".scratch/**", "coverage/**"]),
]);
