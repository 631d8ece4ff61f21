import type { Metadata } from "next";
import { NewsForm } from "@/components/admin/news-form";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { listAllNews } from "@/lib/content/news";
import { dateToDay, formatDay } from "@/lib/dates/calendar-day";
import { createNewsAction } from "./actions";

export const metadata: Metadata = { title: "Contenus" };

export default async function ContentPage() {
  await staffPage();
  const news = await listAllNews();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">Contenus – actualités</h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Nouvelle actualité">
          <NewsForm action={createNewsAction} />
        </Panel>
        <Panel title="Actualités">
          {news.length === 0 ? (
            <p className="text-muted">Aucune actualité.</p>
          ) : (
            <ul className="divide-y divide-gray-200">
              {news.map((item) => (
                <li key={item.id} className="py-2">
                  <p className="font-semibold">{item.title}</p>
                  <p className="text-sm text-muted">
                    {item.published && item.publishedAt
                      ? `Publiée le ${formatDay(dateToDay(item.publishedAt))}`
                      : "Non publiée"}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </div>
  );
}
