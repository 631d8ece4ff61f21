import "server-only";

import type { Db } from "@/lib/db/client";
import { sharedRead } from "@/lib/server/shared-reads";

/** The published news read into the shared cache: the latest ones, those dated after `now` left out here. */
const NEWS_READ = 20;

export async function listPublishedNews(db: Db, now: Date, take = 5) {
  const latest = await sharedRead(db, "home.news", () =>
    db.news.findMany({
      where: { published: true },
      orderBy: { publishedAt: "desc" },
      take: NEWS_READ,
      select: { id: true, title: true, body: true, publishedAt: true },
    }),
  );
  return latest.filter((news) => news.publishedAt !== null && news.publishedAt <= now).slice(0, take);
}

export async function listUsefulContacts(db: Db) {
  return sharedRead(db, "home.contacts", () =>
    db.usefulContact.findMany({
      orderBy: { sortOrder: "asc" },
      select: { id: true, label: true, phone: true, email: true, address: true, hours: true },
    }),
  );
}

/** Les services accessibles: each activity with its public documents (règlement, tarifs, programmes). */
export async function listServices(db: Db) {
  return sharedRead(db, "home.services", () => readServices(db));
}

function readServices(db: Db) {
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
