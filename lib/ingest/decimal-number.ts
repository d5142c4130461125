const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * Whether `s` is a plain decimal number: optional sign, digits with an optional
 * point (`1`, `1.`, `.5`, `1.5`), optional exponent (`e-3`, `E+10`). The
 * language of /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/, checked in one
 * pass: that pattern backtracks quadratically on a long run of digits followed
 * by a stray character (60 KB of digits froze the server for seconds).
 */
export function isDecimalNumber(s: string): boolean {
  const n = s.length;
  let i = s[0] === "+" || s[0] === "-" ? 1 : 0;
  const start = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  let digits = i - start;
  if (s[i] === ".") {
    const from = ++i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    digits += i - from;
  }
  if (digits === 0) return false;
  if (s[i] === "e" || s[i] === "E") {
    i++;
    if (s[i] === "+" || s[i] === "-") i++;
    const from = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === from) return false;
  }
  return i === n;
}
