"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action";
import { createNews, setNewsPublished } from "@/lib/content/news";
import { ZNewsPublishSchema, ZServiceDocumentIdSchema, ZServiceDocumentSchema } from "@/lib/content/service-document.schema";
import { deleteServiceDocument, uploadServiceDocument } from "@/lib/content/service-documents";
import { ZNewsSchema } from "@/lib/content/news.schema";

export const createNewsAction = staffAction(ZNewsSchema, async (input, viewer) => {
  const news = await createNews(viewer, input);
  revalidatePath("/admin/contenus");
  revalidatePath("/");
  return { id: news.id };
});

export const setNewsPublishedAction = staffAction(ZNewsPublishSchema, async (input, viewer) => {
  await setNewsPublished(viewer, input.id, input.published);
  revalidatePath("/admin/contenus");
  revalidatePath("/");
  return null;
});

export const uploadServiceDocumentAction = staffAction(ZServiceDocumentSchema, async (input, viewer) => {
  const document = await uploadServiceDocument(viewer, input);
  revalidatePath("/admin/contenus");
  revalidatePath("/");
  return { id: document.id };
});

export const deleteServiceDocumentAction = staffAction(ZServiceDocumentIdSchema, async (input, viewer) => {
  await deleteServiceDocument(viewer, input.id);
  revalidatePath("/admin/contenus");
  revalidatePath("/");
  return null;
});
