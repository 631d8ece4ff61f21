import type { Metadata } from "next";
import Link from "next/link";

import { ActionForm } from "@/components/admin/action-form";
import { ExcusedAbsenceForm } from "@/components/admin/attendance/excused-absence-form";
import { EditNewsForm, NewsForm } from "@/components/admin/news-form";
import { ServiceDocumentForm } from "@/components/admin/service-document-form";
import {
  EditUsefulContactForm,
  NewUsefulContactForm,
  TownLogoForm,
  TownSettingsForm,
} from "@/components/admin/town-settings-form";
import { EditDisclosure, ItemList } from "@/components/layout/item-list";
import { Panel } from "@/components/ui/panel";
import { readBillExcusedAbsence } from "@/lib/attendance/attendance";
import { staffPage } from "@/lib/auth/session";
import { listActivityChoices } from "@/lib/catalogue/catalogue";
import { listAllNews } from "@/lib/content/news";
import { SERVICE_DOCUMENT_KIND_LABELS } from "@/lib/content/service-document-labels";
import { listServiceDocuments } from "@/lib/content/service-documents";
import { dateToDay, formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { getTownSettings } from "@/lib/town/settings";
import { getTownSettingsForEdit, listUsefulContactsForEdit } from "@/lib/town/town-settings-admin";

import {
  createNewsAction,
  createUsefulContactAction,
  deleteServiceDocumentAction,
  deleteUsefulContactAction,
  removeTownLogoAction,
  setBillExcusedAbsenceAction,
  setNewsPublishedAction,
  updateNewsAction,
  updateTownSettingsAction,
  updateUsefulContactAction,
  uploadServiceDocumentAction,
  uploadTownLogoAction,
} from "./actions";

export const metadata: Metadata = { title: "Contenus" };

export default async function ContentPage() {
  const viewer = await staffPage();
  const db = getDb();
  const isAdmin = viewer.role === "ADMIN";
  const [news, documents, activities, contacts, settings, town, billExcusedAbsence] = await Promise.all([
    listAllNews(db),
    listServiceDocuments(db),
    listActivityChoices(db),
    listUsefulContactsForEdit(db),
    isAdmin ? getTownSettingsForEdit(db) : null,
    getTownSettings(db),
    readBillExcusedAbsence(db),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">Contenus</h1>
      {isAdmin ? (
        <p>
          <Link href="/admin/contenus/consentements" className="font-semibold text-brand underline">
            Textes d&apos;engagement
          </Link>{" "}
          : règlements, attestation sur l&apos;honneur, signature numérique, protection des données, autorisations de
          l&apos;enfant (nouvelle version, aperçu, historique).
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Nouvelle actualité">
          <NewsForm action={createNewsAction} />
        </Panel>
        <Panel title="Actualités">
          <ItemList items={news} empty="Aucune actualité." itemClassName="space-y-2 py-2">
            {(item) => (
              <>
                <p className="font-semibold">{item.title}</p>
                <p className="text-sm text-muted">
                  {item.published && item.publishedAt ? `Publiée le ${formatDay(dateToDay(item.publishedAt))}` : "Non publiée"}
                </p>
                <EditDisclosure name={item.title}>
                  <EditNewsForm action={updateNewsAction} news={item} />
                </EditDisclosure>
                <ActionForm
                  action={setNewsPublishedAction}
                  submitLabel={item.published ? `Retirer « ${item.title} »` : `Publier « ${item.title} »`}
                  confirmMessage={
                    item.published ? `Retirer « ${item.title} » du portail ? Les familles ne la verront plus.` : undefined
                  }
                  variant="secondary"
                >
                  <input type="hidden" name="id" value={item.id} />
                  <input type="hidden" name="published" value={item.published ? "false" : "true"} />
                </ActionForm>
              </>
            )}
          </ItemList>
        </Panel>
        <Panel title="Nouveau document de service">
          <ServiceDocumentForm action={uploadServiceDocumentAction} activities={activities} />
        </Panel>
        <Panel title="Documents des services (page d'accueil)">
          <ItemList items={documents} empty="Aucun document." itemClassName="space-y-1 py-2">
            {(document) => (
              <>
                <p>
                  <a href={`/api/service-documents/${document.id}`} className="font-semibold underline">
                    {document.title}
                  </a>{" "}
                  – {document.activity.name} – {SERVICE_DOCUMENT_KIND_LABELS[document.kind]} ({Math.ceil(document.size / 1024)}{" "}
                  Ko)
                </p>
                <ActionForm
                  action={deleteServiceDocumentAction}
                  submitLabel={`Supprimer « ${document.title} »`}
                  variant="danger"
                  confirmMessage={`Supprimer « ${document.title} » de la page d'accueil ?`}
                >
                  <input type="hidden" name="id" value={document.id} />
                </ActionForm>
              </>
            )}
          </ItemList>
        </Panel>
        <Panel title="Nouveau contact utile">
          <NewUsefulContactForm action={createUsefulContactAction} />
        </Panel>
        <Panel title="Contacts utiles (page d'accueil)">
          <ItemList items={contacts} empty="Aucun contact." itemClassName="space-y-2 py-2">
            {(contact) => (
              <>
                <p className="font-semibold">{contact.label}</p>
                <p className="text-sm text-muted">
                  {[contact.phone, contact.email, contact.address, contact.hours].filter(Boolean).join(" – ") ||
                    "Aucune coordonnée"}
                </p>
                <EditDisclosure name={contact.label}>
                  <EditUsefulContactForm action={updateUsefulContactAction} contact={contact} />
                </EditDisclosure>
                <ActionForm
                  action={deleteUsefulContactAction}
                  submitLabel={`Supprimer « ${contact.label} »`}
                  variant="danger"
                  confirmMessage={`Supprimer le contact « ${contact.label} » de la page d'accueil ?`}
                >
                  <input type="hidden" name="id" value={contact.id} />
                </ActionForm>
              </>
            )}
          </ItemList>
        </Panel>
        {settings ? (
          <Panel title="Paramètres de la commune (administrateurs)">
            <TownSettingsForm action={updateTownSettingsAction} settings={settings} />
          </Panel>
        ) : null}
        {settings ? (
          <Panel title="Logo de la commune (administrateurs)">
            <TownLogoForm uploadAction={uploadTownLogoAction} removeAction={removeTownLogoAction} logoUrl={town.logoUrl} />
          </Panel>
        ) : null}
        {settings ? (
          <Panel title="Absences excusées (administrateurs)">
            <ExcusedAbsenceForm action={setBillExcusedAbsenceAction} billed={billExcusedAbsence} />
          </Panel>
        ) : null}
      </div>
    </div>
  );
}
