import "server-only";

import type { ParentViewer } from "@/lib/auth/session";
import { ageText } from "@/lib/children/age";
import { childName } from "@/lib/children/child-name";
import { dateToDay, parisToday } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";

export type DashboardChild = { id: string; displayName: string; age: string };

/** What the parent's dashboard shows, scoped to the viewer's own family. */
export async function getFamilyDashboard(db: Db, viewer: ParentViewer, now: Date) {
  const family = await db.family.findUnique({
    where: { id: viewer.familyId },
    select: {
      name: true,
      children: {
        orderBy: [{ birthDate: "desc" }, { firstName: "asc" }],
        select: { id: true, firstName: true, lastName: true, birthDate: true },
      },
    },
  });
  if (!family) return null;
  const today = parisToday(now);
  const children: DashboardChild[] = family.children.map((child) => ({
    id: child.id,
    displayName: childName(child),
    age: ageText(dateToDay(child.birthDate), today),
  }));
  return { familyName: family.name, children };
}
