/**
 * The benchmark truncates every table, so it only runs against a real Postgres
 * database whose name marks it as disposable (`*_bench` or `*_test`). Returns
 * the database name; throws with the reason otherwise.
 */
export function toBenchDatabaseName(url: string | undefined): string {
  if (url === undefined || url === "") {
    throw new Error("DATABASE_URL is not set: point it at a disposable Postgres database named *_bench or *_test");
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("DATABASE_URL is not a valid URL");
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new Error(`DATABASE_URL must be a postgres:// URL, not ${parsed.protocol}`);
  }
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!/_(bench|test)$/.test(name)) {
    throw new Error(`refusing to benchmark database "${name}": it truncates tables, so the name must end in _bench or _test`);
  }
  return name;
}
