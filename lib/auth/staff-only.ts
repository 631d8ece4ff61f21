import { AppError } from "@/lib/errors";

import type { StaffViewer, Viewer } from "./session";

/**
 * The first line of a staff-only data function: whatever called it (a page, an action, a script),
 * a viewer that is not staff gets nothing.
 */
export function assertStaffViewer(viewer: Viewer): asserts viewer is StaffViewer {
  if (viewer.role !== "AGENT" && viewer.role !== "ADMIN") {
    throw new AppError("FORBIDDEN", "Ces informations sont réservées aux agents de la mairie.");
  }
}

/**
 * The first line of an administrators-only data function (the journal, the mail outbox and the
 * job runs): an agent, a parent or a script's other viewer gets nothing.
 */
export function assertAdminViewer(viewer: Viewer): asserts viewer is StaffViewer & { role: "ADMIN" } {
  if (viewer.role !== "ADMIN") {
    throw new AppError("FORBIDDEN", "Ces informations sont réservées aux administrateurs.");
  }
}
