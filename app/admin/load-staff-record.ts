import "server-only";

import { notFound } from "next/navigation";

import { staffPage, type StaffViewer } from "@/lib/auth/session";
import { getDb, type DbClient } from "@/lib/db/client";
import { requireId } from "@/lib/http/url-params";

/**
 * The start of a staff page about one record (`…/[id]`): checks that the viewer is staff, reads
 * the id from the address and loads the record for that viewer, or answers 404.
 */
export async function loadStaffRecord<T>(
  params: Promise<{ id: string }>,
  load: (db: DbClient, viewer: StaffViewer, id: string) => Promise<T | null>,
) {
  const viewer = await staffPage();
  const db = getDb();
  const id = requireId((await params).id);
  const record = await load(db, viewer, id);
  if (!record) notFound();
  return { viewer, db, id, record };
}
