/**
 * CPU time of a process from its /proc/<pid>/stat line, in clock ticks (user + system),
 * or null when the process is not running `command`. The command name is in parentheses
 * and may itself hold spaces or parentheses, so the fields are counted from the last ")".
 */
export function processCpuTicks(statLine: string, command: string): number | null {
  const open = statLine.indexOf("(");
  const close = statLine.lastIndexOf(")");
  if (open < 0 || close < open) return null;
  if (statLine.slice(open + 1, close) !== command) return null;
  // after ") ": state(3) ppid(4) ... utime(14) stime(15): fields 3.. are at index 0..
  const fields = statLine.slice(close + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? utime + stime : null;
}
