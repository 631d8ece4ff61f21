import "server-only";
import { getDb } from "@/lib/db/client";

export async function listPublishedNews(now: Date, take = 5) {
  return getDb().news.findMany({
    where: { published: true, publishedAt: { lte: now } },
    orderBy: { publishedAt: "desc" },
    take,
    select: { id: true, title: true, body: true, publishedAt: true },
  });
}

export async function listUsefulContacts() {
  return getDb().usefulContact.findMany({
    orderBy: { sortOrder: "asc" },
    select: { id: true, label: true, phone: true, email: true, address: true, hours: true },
  });
}

/** Les services accessibles: each activity with its public documents (règlement, tarifs, programmes). */
export async function listServices() {
  return getDb().activity.findMany({
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
