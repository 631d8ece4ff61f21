import "server-only";

import type { Db } from "@/lib/db/client";

export async function listPublishedNews(db: Db, now: Date, take = 5) {
  return db.news.findMany({
    where: { published: true, publishedAt: { lte: now } },
    orderBy: { publishedAt: "desc" },
    take,
    select: { id: true, title: true, body: true, publishedAt: true },
  });
}

export async function listUsefulContacts(db: Db) {
  return db.usefulContact.findMany({
    orderBy: { sortOrder: "asc" },
    select: { id: true, label: true, phone: true, email: true, address: true, hours: true },
  });
}

/** Les services accessibles: each activity with its public documents (règlement, tarifs, programmes). */
export async function listServices(db: Db) {
  return db.activity.findMany({
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      name: true,
      serviceDocuments: {
        orderBy: { createdAt: "desc" },
        select: { id: true, kind: true, title: true },
      },
    },
  });
}
