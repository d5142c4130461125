import pg from "pg";

/**
 * A fresh, empty database beside the *_test one `url` names (`<name>_<suffix>_test`, dropped first if
 * it exists), for an app the end-to-end tests start; its URL.
 */
export async function freshSiblingDatabase(url: string, suffix: string): Promise<string> {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (!name.endsWith("_test")) throw new Error(`Refusing to use "${name}" for e2e: DATABASE_URL must name a *_test database.`);
  const sibling = `${name.replace(/_test$/, "")}_${suffix}_test`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${sibling}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${sibling}"`);
  await admin.end();
  parsed.pathname = `/${sibling}`;
  return parsed.toString();
}
