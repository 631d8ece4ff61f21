"use server";

import { revalidatePath } from "next/cache";
import { adminAction, staffAction } from "@/lib/auth/action";
import { createNews, setNewsPublished, updateNews } from "@/lib/content/news";
import { ZNewsPublishSchema, ZServiceDocumentIdSchema, ZServiceDocumentSchema } from "@/lib/content/service-document.schema";
import { deleteServiceDocument, uploadServiceDocument } from "@/lib/content/service-documents";
import { ZNewsSchema, ZNewsUpdateSchema } from "@/lib/content/news.schema";
import { removeTownLogo, uploadTownLogo } from "@/lib/town/town-logo";
import { ZRemoveTownLogoSchema, ZTownLogoSchema } from "@/lib/town/town-logo.schema";
import { createUsefulContact, deleteUsefulContact, updateTownSettings, updateUsefulContact } from "@/lib/town/town-settings-admin";
import { ZTownSettingsSchema, ZUsefulContactIdSchema, ZUsefulContactSchema, ZUsefulContactUpdateSchema } from "@/lib/town/town-settings.schema";

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

export const updateNewsAction = staffAction(ZNewsUpdateSchema, async ({ id, ...input }, viewer) => {
  await updateNews(viewer, id, input);
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

export const updateTownSettingsAction = adminAction(ZTownSettingsSchema, async (input, viewer) => {
  await updateTownSettings(viewer, input);
  revalidatePath("/", "layout");
  revalidatePath("/admin/contenus");
  return null;
});

export const createUsefulContactAction = staffAction(ZUsefulContactSchema, async (input, viewer) => {
  const contact = await createUsefulContact(viewer, input);
  revalidatePath("/admin/contenus");
  revalidatePath("/");
  return { id: contact.id };
});

export const updateUsefulContactAction = staffAction(ZUsefulContactUpdateSchema, async ({ id, ...input }, viewer) => {
  await updateUsefulContact(viewer, id, input);
  revalidatePath("/admin/contenus");
  revalidatePath("/");
  return null;
});

export const deleteUsefulContactAction = staffAction(ZUsefulContactIdSchema, async (input, viewer) => {
  await deleteUsefulContact(viewer, input.id);
  revalidatePath("/admin/contenus");
  revalidatePath("/");
  return null;
});

export const uploadTownLogoAction = adminAction(ZTownLogoSchema, async (input, viewer) => {
  await uploadTownLogo(viewer, input.file);
  revalidatePath("/", "layout");
  return null;
});

export const removeTownLogoAction = adminAction(ZRemoveTownLogoSchema, async (_input, viewer) => {
  await removeTownLogo(viewer);
  revalidatePath("/", "layout");
  return null;
});
