import { spawn } from "node:child_process";

export type ChildExit = { code: number | null; signal: NodeJS.Signals | null };

export type SupervisedChild = {
  /** resolves when the child has exited, however it ended */
  exited: Promise<ChildExit>;
  /** sends `signal` to the child; SIGKILL follows if it has not exited `graceMs` later */
  stop(signal: NodeJS.Signals): Promise<ChildExit>;
};

/**
 * Runs a child process with this process's stdio and environment, for a
 * launcher that must not leave it behind: the launcher forwards the signals it
 * receives through `stop` and waits for the child's exit before its own.
 */
export function superviseChild(command: string, args: string[], { env = process.env, graceMs = 10_000 } = {}): SupervisedChild {
  const child = spawn(command, args, { stdio: "inherit", env });
  const exited = new Promise<ChildExit>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    // could not start at all (no such binary): as if it exited with a failure
    child.once("error", (err) => {
      console.error(`${command}: ${err.message}`);
      resolve({ code: 127, signal: null });
    });
  });
  let killer: NodeJS.Timeout | undefined;
  void exited.then(() => clearTimeout(killer));
  return {
    exited,
    stop(signal) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        killer ??= setTimeout(() => child.kill("SIGKILL"), graceMs);
      }
      return exited;
    },
  };
}
