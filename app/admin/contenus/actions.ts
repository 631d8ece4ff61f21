"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action";
import { createNews } from "@/lib/content/news";
import { ZNewsSchema } from "@/lib/content/news.schema";

export const createNewsAction = staffAction(ZNewsSchema, async (input, viewer) => {
  const news = await createNews(viewer, input);
  revalidatePath("/admin/contenus");
  revalidatePath("/");
  return { id: news.id };
});
