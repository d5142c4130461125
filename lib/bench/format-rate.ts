/** 1234567 → "1.23M", 412345 → "412k", 950 → "950": rates and counts for a console table. */
export function formatCount(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (abs >= 1e4) return `${Math.round(value / 1e3)}k`;
  if (abs >= 1e3) return `${(value / 1e3).toFixed(1)}k`;
  return `${Math.round(value)}`;
}

/** Rows per second, e.g. "412k rows/s"; a zero duration is reported as infinite rather than divided by. */
export function formatRate(rows: number, ms: number): string {
  return ms <= 0 ? "∞ rows/s" : `${formatCount((rows * 1000) / ms)} rows/s`;
}

/** Milliseconds as seconds with 2 decimals below 100 s ("3.14 s"), else whole seconds. */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return s < 100 ? `${s.toFixed(2)} s` : `${Math.round(s)} s`;
}
