import type { RegistryLookup, RegistryMetric } from "./plan-types";

/**
 * The database's own metric definitions win over the registry file's: a value is
 * checked against the bounds the database will enforce, so a bad row is reported
 * with its file and line instead of surfacing as a constraint error.
 */
export function preferStoredMetrics(registry: RegistryLookup, stored: RegistryMetric[]): RegistryLookup {
  const byName = new Map(stored.map((m) => [m.name, m]));
  return { ...registry, metric: (name) => byName.get(name) ?? registry.metric(name) };
}
