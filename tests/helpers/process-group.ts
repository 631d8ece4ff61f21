import type { ChildProcess } from "node:child_process";

/**
 * Ends a server started `detached` (a process group of its own, e.g. `next start` and its
 * children): SIGTERM to the group, SIGKILL if it still runs 5 s later.
 */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  if (!signalGroup(child, "SIGTERM")) return;
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (child.exitCode === null && child.signalCode === null) signalGroup(child, "SIGKILL");
}

/** Signals the child's process group; false when the group is already gone (a test killed it). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-child.pid!, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}
