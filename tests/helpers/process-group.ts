import type { ChildProcess } from "node:child_process";

/**
 * Ends a server started `detached` (a process group of its own, e.g. `next start` and its
 * children): SIGTERM to the group, SIGKILL if it still runs 5 s later.
 */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
}
