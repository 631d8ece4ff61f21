"use server";

import { revalidatePath } from "next/cache";

import { setBillExcusedAbsence } from "@/lib/attendance/attendance";
import { ZBillExcusedAbsenceSchema } from "@/lib/attendance/attendance.schema";
import { adminAction, staffAction } from "@/lib/auth/action";
import { createNews, setNewsPublished, updateNews } from "@/lib/content/news";
import { ZNewsSchema, ZNewsUpdateSchema } from "@/lib/content/news.schema";
import { ZNewsPublishSchema, ZServiceDocumentIdSchema, ZServiceDocumentSchema } from "@/lib/content/service-document.schema";
import { deleteServiceDocument, uploadServiceDocument } from "@/lib/content/service-documents";
import { removeTownLogo, uploadTownLogo } from "@/lib/town/town-logo";
import { ZRemoveTownLogoSchema, ZTownLogoSchema } from "@/lib/town/town-logo.schema";
import {
  createUsefulContact,
  deleteUsefulContact,
  updateTownSettings,
  updateUsefulContact,
} from "@/lib/town/town-settings-admin";
import {
  ZTownSettingsSchema,
  ZUsefulContactIdSchema,
  ZUsefulContactSchema,
  ZUsefulContactUpdateSchema,
} from "@/lib/town/town-settings.schema";

import { revalidatingAction } from "../revalidating-action";

/** What the home page shows (news, service documents, useful contacts) is edited on the contents page: both are rebuilt. */
const homeContentAction = revalidatingAction(staffAction, ["/admin/contenus", "/"]);

export const createNewsAction = homeContentAction(ZNewsSchema, async (input, viewer, db) => {
  const news = await createNews(db, viewer, input);
  return { id: news.id };
});

export const setNewsPublishedAction = homeContentAction(ZNewsPublishSchema, async (input, viewer, db) => {
  await setNewsPublished(db, viewer, input.id, input.published);
  return null;
});

export const updateNewsAction = homeContentAction(ZNewsUpdateSchema, async ({ id, ...input }, viewer, db) => {
  await updateNews(db, viewer, id, input);
  return null;
});

export const uploadServiceDocumentAction = homeContentAction(ZServiceDocumentSchema, async (input, viewer, db) => {
  const document = await uploadServiceDocument(db, viewer, input);
  return { id: document.id };
});

export const deleteServiceDocumentAction = homeContentAction(ZServiceDocumentIdSchema, async (input, viewer, db) => {
  await deleteServiceDocument(db, viewer, input.id);
  return null;
});

export const updateTownSettingsAction = adminAction(ZTownSettingsSchema, async (input, viewer, db) => {
  await updateTownSettings(db, viewer, input);
  revalidatePath("/", "layout");
  revalidatePath("/admin/contenus");
  return null;
});

export const createUsefulContactAction = homeContentAction(ZUsefulContactSchema, async (input, viewer, db) => {
  const contact = await createUsefulContact(db, viewer, input);
  return { id: contact.id };
});

export const updateUsefulContactAction = homeContentAction(ZUsefulContactUpdateSchema, async ({ id, ...input }, viewer, db) => {
  await updateUsefulContact(db, viewer, id, input);
  return null;
});

export const deleteUsefulContactAction = homeContentAction(ZUsefulContactIdSchema, async (input, viewer, db) => {
  await deleteUsefulContact(db, viewer, input.id);
  return null;
});

export const uploadTownLogoAction = adminAction(ZTownLogoSchema, async (input, viewer, db) => {
  await uploadTownLogo(db, viewer, input.file);
  revalidatePath("/", "layout");
  return null;
});

export const removeTownLogoAction = adminAction(ZRemoveTownLogoSchema, async (_input, viewer, db) => {
  await removeTownLogo(db, viewer);
  revalidatePath("/", "layout");
  return null;
});

/** Read by invoicing: whether a day missed with an excused absence (certificate) is billed. */
export const setBillExcusedAbsenceAction = adminAction(ZBillExcusedAbsenceSchema, async (input, viewer, db) => {
  await setBillExcusedAbsence(db, viewer, input);
  revalidatePath("/admin/contenus");
  return { billExcusedAbsence: input.billExcusedAbsence };
});
