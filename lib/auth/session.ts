import "server-only";

import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";

import * as clock from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

import { readSessionClaims } from "./session-cookie";
import { readUserSession } from "./user-sessions";

export type Viewer = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  familyId: string | null;
  /** The UserSession behind this request (absent for viewers built by scripts and tests). */
  sessionId?: string;
};
export type ParentViewer = Viewer & { role: "PARENT"; familyId: string };
export type StaffViewer = Viewer & { role: "AGENT" | "ADMIN" };

/**
 * The signed-in user, re-read from the database on every request: the session row must be live
 * (not signed out, not past its absolute end, not idle too long), and a deactivated account, a
 * changed role or a password change (which bumps sessionVersion) takes effect at once.
 */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  // Entry-point machinery: every page and action starts here, before it has a database to pass.
  const session = await readUserSession(getDb(), claims.sid, clock.now());
  if ("ended" in session) return null;
  const { user } = session;
  if (user.id !== claims.sub || user.sessionVersion !== claims.sessionVersion) return null;
  return {
    userId: user.id,
    email: user.email,
    name: claims.name,
    role: user.role,
    familyId: user.familyId,
    sessionId: session.sessionId,
  };
});

export function isStaff(viewer: Viewer | null): viewer is StaffViewer {
  return viewer?.role === "AGENT" || viewer?.role === "ADMIN";
}

export function isParent(viewer: Viewer | null): viewer is ParentViewer {
  return viewer?.role === "PARENT" && viewer.familyId !== null;
}

// For actions and route handlers: throw a typed error the action helper turns into French.
export async function requireParent(): Promise<ParentViewer> {
  const viewer = await currentViewer();
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Votre session a expiré. Veuillez vous reconnecter.");
  if (!isParent(viewer)) throw new AppError("FORBIDDEN", "Cette action est réservée aux familles.");
  return viewer;
}

export async function requireStaff(): Promise<StaffViewer> {
  const viewer = await currentViewer();
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Votre session a expiré. Veuillez vous reconnecter.");
  if (!isStaff(viewer)) throw new AppError("FORBIDDEN", "Cette action est réservée aux agents de la mairie.");
  return viewer;
}

export async function requireAdmin(): Promise<StaffViewer> {
  const viewer = await requireStaff();
  if (viewer.role !== "ADMIN") throw new AppError("FORBIDDEN", "Cette action est réservée aux administrateurs.");
  return viewer;
}

// For pages: send a signed-out visitor to the login page; anyone else without the right role
// gets a 404, so the staff pages' existence is not advertised — except an agent on an
// administrators' page, who gets a 403 saying so (app/admin/forbidden.tsx).
export async function parentPage(): Promise<ParentViewer> {
  const viewer = await currentViewer();
  if (!viewer) redirect("/connexion");
  if (isStaff(viewer)) redirect("/admin");
  if (!isParent(viewer)) notFound();
  return viewer;
}

export async function staffPage(): Promise<StaffViewer> {
  const viewer = await currentViewer();
  if (!viewer) redirect("/connexion?callbackUrl=/admin");
  if (!isStaff(viewer)) notFound();
  return viewer;
}

export async function adminPage(): Promise<StaffViewer> {
  const viewer = await staffPage();
  // Staff know the administrators' pages exist (the journal, staff accounts…): say why it is closed (app/forbidden.tsx).
  if (viewer.role !== "ADMIN") forbidden();
  return viewer;
}
