import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { authOptions } from "./auth-options";

export type Viewer = { userId: string; email: string; name: string; role: Role; familyId: string | null };
export type ParentViewer = Viewer & { role: "PARENT"; familyId: string };
export type StaffViewer = Viewer & { role: "AGENT" | "ADMIN" };

/**
 * The signed-in user, re-read from the database on every request: a deactivated account, a
 * changed role or a password change (which bumps sessionVersion) takes effect at once.
 */
export async function currentViewer(): Promise<Viewer | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const user = await getDb().user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, role: true, familyId: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== session.user.sessionVersion) return null;
  return { userId: user.id, email: user.email, name: session.user.name, role: user.role, familyId: user.familyId };
}

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
// gets a 404, so the staff pages' existence is not advertised.
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
  if (viewer.role !== "ADMIN") notFound();
  return viewer;
}
