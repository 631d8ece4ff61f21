import "server-only";

import { auditCreated, writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { forgetSharedReads } from "@/lib/server/shared-reads";

export async function createNews(
  db: PrismaClient,
  viewer: StaffViewer,
  input: { title: string; body: string; published: boolean },
  now = clock.now(),
) {
  const created = await db.$transaction(async (tx) => {
    const news = await tx.news.create({
      data: {
        title: input.title,
        body: input.body,
        published: input.published,
        publishedAt: input.published ? now : null,
        authorId: viewer.userId,
      },
      select: { id: true },
    });
    return auditCreated(tx, viewer, news, { action: "news.create", targetType: "News", details: { title: input.title } });
  });
  forgetSharedReads();
  return created;
}

export async function listAllNews(db: Db) {
  return db.news.findMany({
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, title: true, body: true, published: true, publishedAt: true, createdAt: true },
  });
}

/** Publish (dated now, unless it was published before) or withdraw a news item from the home page. */
export async function setNewsPublished(db: PrismaClient, viewer: StaffViewer, id: string, published: boolean, now = clock.now()) {
  await db.$transaction(async (tx) => {
    const news = await tx.news.findUnique({ where: { id }, select: { publishedAt: true } });
    if (!news) throw new AppError("NOT_FOUND", "Actualité introuvable.");
    await tx.news.update({
      where: { id },
      data: { published, publishedAt: published ? (news.publishedAt ?? now) : news.publishedAt },
    });
    await writeAudit(tx, viewer, { action: published ? "news.publish" : "news.unpublish", targetType: "News", targetId: id });
  });
  forgetSharedReads();
}

/** Corrects the title and text of a news item, published or not. */
export async function updateNews(db: PrismaClient, viewer: StaffViewer, id: string, input: { title: string; body: string }) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.news.updateMany({ where: { id }, data: { title: input.title, body: input.body } });
    if (count === 0) throw new AppError("NOT_FOUND", "Actualité introuvable.");
    await writeAudit(tx, viewer, { action: "news.update", targetType: "News", targetId: id, details: { title: input.title } });
  });
  forgetSharedReads();
}
