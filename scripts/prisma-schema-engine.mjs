#!/usr/bin/env node
// Offline stand-in for Prisma's native `schema-engine` binary.
//
// The Prisma CLI downloads a native schema engine before every command, which
// fails without internet. Pointing PRISMA_SCHEMA_ENGINE_BINARY at this script
// (scripts/prisma.mjs does) makes the CLI spawn it instead. It speaks the same
// protocol as the binary and does the work with Prisma's own wasm build of the
// engine (@prisma/schema-engine-wasm), talking to Postgres through
// @prisma/adapter-pg over `pg`:
//
//   schema-engine [--datamodels FILE]... [--datasource '{"url":..,"shadowDatabaseUrl":..}']
//       line-delimited JSON-RPC 2.0 on stdin/stdout, JSON log lines on stderr
//   schema-engine --datasource '{"url":..}' cli can-connect-to-database|create-database|drop-database
//       exit 0 on success; on failure exit 1 with a JSON ERROR log line on stderr
//   schema-engine --version
//
// Only PostgreSQL is supported (the project's only provider).

import fs from "node:fs";
import { createRequire } from "node:module";
import readline from "node:readline";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const args = { datamodels: [], datasource: {}, cli: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--datamodels") args.datamodels.push(argv[++i]);
    else if (a === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (a === "--enabled-preview-features" || a === "--extension-types") i++;
    else if (a === "--version" || a === "-V") args.version = true;
    else if (a === "cli") args.cli = argv[++i];
  }
  return args;
}

// Native-engine style log line on stderr (the CLI parses these as JSON).
function log(level, message, extra = {}) {
  process.stderr.write(
    JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: "schema_engine::logger" }) + "\n",
  );
}

// ---------------------------------------------------------------- wasm engine
// The wasm engine reports Rust panics through this global before trapping.
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    log("ERROR", `panicked: ${message}`);
  },
};

async function loadWasmEngine() {
  // The package's entry does `import "./x.wasm"`, which Node cannot load: instantiate by hand.
  const wasmPath = require.resolve("@prisma/schema-engine-wasm").replace(/schema_engine\.js$/, "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), { "./schema_engine_bg.js": wasmBindings });
  wasmBindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return wasmBindings;
}

// ---------------------------------------------------------------- pg adapter fixes
let patched = false;
function patchAdapter(adapter) {
  if (patched) return;
  patched = true;
  // 1. adapter-pg throws UnsupportedNativeDataType on the single-byte `"char"`
  //    type (OID 18) that catalog queries return (pg_constraint.contype, ...),
  //    and the engine wants those columns typed as Character. Let adapter-pg
  //    decode them as text, then retype them.
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter)); // PgQueryable.prototype
  const { performIO, queryRaw } = queryable;
  const charColumns = Symbol("charColumns");
  queryable.performIO = async function (query) {
    const result = await performIO.call(this, query);
    query[charColumns] = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID === 18) {
        field.dataTypeID = 25; // text
        query[charColumns].push(i);
      }
    });
    return result;
  };
  queryable.queryRaw = async function (query) {
    const result = await queryRaw.call(this, query);
    for (const i of query[charColumns] ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  // 2. adapter-pg's executeScript splits the script on ";", which breaks
  //    function bodies (plpgsql). Send the whole script as one simple query,
  //    as the native engine does (Postgres runs it as one implicit transaction).
  Object.getPrototypeOf(adapter).executeScript = async function (script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
}

const pendingCleanups = new Set();
const settleCleanups = async () => {
  while (pendingCleanups.size) await Promise.all(pendingCleanups);
};

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = "/" + encodeURIComponent(database);
  return u.toString();
}

function quoteIdent(name) {
  return '"' + name.replace(/"/g, '""') + '"';
}

// A migration-aware adapter factory for the wasm engine. We do not use
// PrismaPg#connectToShadowDb: it spreads `database` next to `connectionString`
// (which wins, so it connects to the main database) and drops the shadow
// database while its own pool still holds connections.
function adapterFactory({ url, shadowDatabaseUrl }) {
  const pgFactory = (connectionString) => new PrismaPg({ connectionString, max: 4 });
  const connect = async (connectionString) => {
    if (!connectionString) {
      throw new Error("No database URL: set DATABASE_URL (prisma.config.ts reads it).");
    }
    const adapter = await pgFactory(connectionString).connect();
    patchAdapter(adapter);
    return adapter;
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(url),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        // An explicit shadow database is reset before use, like the native engine does.
        const shadow = await connect(shadowDatabaseUrl);
        await shadow.executeScript(
          `DO $$ DECLARE s text; BEGIN
             FOR s IN SELECT nspname FROM pg_namespace
                      WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
               EXECUTE format('DROP SCHEMA %I CASCADE', s);
             END LOOP;
             CREATE SCHEMA public;
           END $$;`,
        );
        return shadow;
      }
      const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
      await adminQuery(url, `CREATE DATABASE ${quoteIdent(name)}`);
      const shadow = await connect(withDatabase(url, name));
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = () => {
        // The engine does not wait for dispose(): track the cleanup so that
        // the RPC reply (after which the CLI kills us) waits for it.
        const cleanup = dispose() // close the shadow pool first, then drop
          .then(() => adminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`))
          .then(() => log("DEBUG", `dropped shadow database ${name}`))
          .catch((error) => log("ERROR", `could not drop shadow database ${name}: ${error.message}`))
          .finally(() => pendingCleanups.delete(cleanup));
        pendingCleanups.add(cleanup);
        return cleanup;
      };
      return shadow;
    },
  };
}

// One-off statement on the server of `url`, connected to its maintenance database.
async function adminQuery(url, sql, database = "postgres") {
  const client = new pg.Client({ connectionString: withDatabase(url, database) });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- `cli` sub-commands
function pgErrorCode(error, url) {
  const database = decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
  switch (error.code) {
    case "3D000":
      return { error_code: "P1003", message: `Database \`${database}\` does not exist` };
    case "28P01":
    case "28000":
      return { error_code: "P1000", message: `Authentication failed against the database server: ${error.message}` };
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "ETIMEDOUT":
      return { error_code: "P1001", message: `Can't reach database server: ${error.message}` };
    default:
      return { error_code: "P1000", message: error.message };
  }
}

async function runCli(command, url) {
  if (!url) throw Object.assign(new Error("No database URL given (--datasource)"), { code: "P1012" });
  const database = decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
  switch (command) {
    case "can-connect-to-database": {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.end();
      return;
    }
    case "create-database":
      await adminQuery(url, `CREATE DATABASE ${quoteIdent(database)}`, database === "postgres" ? "template1" : "postgres");
      return;
    case "drop-database":
      await adminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`, database === "postgres" ? "template1" : "postgres");
      return;
    default:
      throw new Error(`Unknown cli command: ${command}`);
  }
}

// ---------------------------------------------------------------- JSON-RPC server
function rpcError(id, error) {
  // Shape of the native engine's errors: the CLI reads error.data.{message,error_code,is_panic}.
  const isPanic = error instanceof WebAssembly.RuntimeError || /panicked/.test(String(error?.message));
  const data = {
    is_panic: isPanic,
    message: error?.message ?? String(error),
    meta: error?.meta ?? {},
    ...(error?.code && /^P\d{4}$/.test(error.code) ? { error_code: error.code } : {}),
    ...(isPanic ? { error: { message: error.message } } : {}),
  };
  return { jsonrpc: "2.0", id, error: { code: 4466, message: "An error happened. Check the data field for details.", data } };
}

async function serveRpc(args) {
  const wasm = await loadWasmEngine();
  const datamodels = args.datamodels.map((file) => [file, fs.readFileSync(file, "utf8")]);
  const engine = await wasm.SchemaEngine.new(
    { datamodels: datamodels.length ? datamodels : undefined },
    (line) => process.stderr.write(String(line).trimEnd() + "\n"),
    bindMigrationAwareSqlAdapterFactory(adapterFactory(args.datasource)),
  );

  let nextPrintId = 1_000_000;
  const print = (content) =>
    process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id: nextPrintId++, method: "print", params: { content } }) + "\n");

  // evaluateDataLoss / createMigration read the schema the migrations produce
  // from the engine's in-process cache; only the commands that receive the
  // adapter factory (devDiagnostic, diagnoseMigrationHistory) can fill it from a
  // shadow database, and devDiagnostic skips that when the database is behind.
  const primed = new Set();
  const primeMigrationSchemaCache = async ({ migrationsList, filters }) => {
    const key = JSON.stringify(migrationsList.migrationDirectories);
    if (primed.has(key)) return;
    await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: true, filters });
    primed.add(key);
  };

  const methods = {
    evaluateDataLoss: async (p) => {
      await primeMigrationSchemaCache(p);
      return engine.evaluateDataLoss(p);
    },
    createMigration: async (p) => {
      await primeMigrationSchemaCache(p);
      return engine.createMigration(p);
    },
    getDatabaseVersion: (p) => engine.version(p ?? null),
    diff: async (p) => {
      const result = await engine.diff(p);
      if (result.stdout) print(result.stdout.replace(/\n$/, ""));
      return { exitCode: result.exitCode, stdout: null };
    },
    createDatabase: async (p) => {
      const url = p?.datasource?.url ?? args.datasource.url;
      await runCli("create-database", url);
      return { databaseName: decodeURIComponent(new URL(url).pathname.slice(1)) };
    },
  };

  // Requests are handled one at a time, in order.
  let queue = Promise.resolve();
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", (line) => {
    if (!line.trim()) return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      return log("ERROR", `Could not parse JSON-RPC message: ${line.slice(0, 200)}`);
    }
    if (!msg.method) return; // a response to one of our `print` requests
    queue = queue.then(async () => {
      let reply;
      try {
        const fn = methods[msg.method] ?? (typeof engine[msg.method] === "function" ? (p) => engine[msg.method](p) : null);
        if (!fn) throw new Error(`Method not supported by the wasm schema engine: ${msg.method}`);
        const result = await fn(msg.params);
        reply = { jsonrpc: "2.0", id: msg.id, result: result ?? {} };
      } catch (error) {
        reply = rpcError(msg.id, error);
      }
      await settleCleanups();
      process.stdout.write(JSON.stringify(reply) + "\n");
    });
  });
  rl.on("close", () => queue.then(() => process.exit(0)));
}

// ---------------------------------------------------------------- main
const args = parseArgs(process.argv.slice(2));
if (args.version) {
  const { version } = await loadWasmEngine();
  process.stdout.write(`schema-engine-cli ${version()}\n`);
} else if (args.cli) {
  log("INFO", `schema-engine (wasm) cli ${args.cli}`, {});
  try {
    await runCli(args.cli, args.datasource.url);
  } catch (error) {
    const { error_code, message } =
      error.code && /^P\d{4}$/.test(error.code) ? { error_code: error.code, message: error.message } : pgErrorCode(error, args.datasource.url);
    process.stderr.write(
      JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { message, error_code } }),
    );
    process.exit(1);
  }
} else {
  await serveRpc(args);
}
