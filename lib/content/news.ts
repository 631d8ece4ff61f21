import "server-only";
import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export async function createNews(
  viewer: StaffViewer,
  input: { title: string; body: string; published: boolean },
  now = new Date(),
) {
  return getDb().$transaction(async (tx) => {
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
    await writeAudit(tx, viewer, { action: "news.create", targetType: "News", targetId: news.id, details: { title: input.title } });
    return news;
  });
}

export async function listAllNews() {
  return getDb().news.findMany({
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, title: true, published: true, publishedAt: true, createdAt: true },
  });
}
