import "server-only";
import { getPool } from "./client";
import { readEnv } from "@/lib/env.js";
import type { HealthResponse } from "@/lib/schemas/health";

/** Reports which database serves the app and whether it answers. */
export async function getHealth(): Promise<HealthResponse> {
  const database = readEnv().ATLAS_DATABASE_KIND;
  try {
    await getPool().query("SELECT 1");
    return { ok: true, database };
  } catch {
    return { ok: false, database };
  }
}
