import { redirect } from "next/navigation";

import { LoginForm } from "@/components/auth/login-form";
import { MailLink, PhoneLink } from "@/components/layout/contact-links";
import { ItemList } from "@/components/layout/item-list";
import { Panel } from "@/components/ui/panel";
import { currentViewer } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import { SERVICE_DOCUMENT_KIND_LABELS } from "@/lib/content/service-document-labels";
import { dateToDay, formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { listPublishedNews, listServices, listUsefulContacts } from "@/lib/town/home-content";
import { getTownSettings } from "@/lib/town/settings";

export default async function HomePage() {
  const viewer = await currentViewer();
  const db = getDb();
  if (viewer) redirect(viewer.role === "PARENT" ? "/espace" : "/admin");
  const [town, news, contacts, services] = await Promise.all([
    getTownSettings(db),
    listPublishedNews(db, clock.now()),
    listUsefulContacts(db),
    listServices(db),
  ]);

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <h1 className="sr-only">
        {town.portalName} – {town.townName}
      </h1>
      <div className="space-y-6 lg:col-span-1">
        <LoginForm />
        <Panel title="Je n'ai pas de compte Famille ?">
          <p>Rapprochez-vous du {town.guichetName} afin que l&apos;on vous fournisse un identifiant et un mot de passe.</p>
          <p className="mt-2">
            {town.guichetPhone ? <>Tél. {town.guichetPhone}</> : null}
            {town.guichetEmail ? (
              <>
                {" – "}
                <MailLink email={town.guichetEmail} />
              </>
            ) : null}
          </p>
        </Panel>
      </div>

      <div className="space-y-6 lg:col-span-2">
        <Panel title="Les actualités">
          <ItemList items={news} empty="Aucune actualité pour le moment." itemClassName="py-3 first:pt-0 last:pb-0">
            {(item) => (
              <article>
                <h3 className="font-semibold text-brand">{item.title}</h3>
                {item.publishedAt ? (
                  <p className="text-sm text-muted">Publié le {formatDay(dateToDay(item.publishedAt))}</p>
                ) : null}
                <p className="mt-1 whitespace-pre-line">{item.body}</p>
              </article>
            )}
          </ItemList>
        </Panel>

        <div className="grid gap-6 md:grid-cols-2">
          <Panel title="Les contacts utiles">
            <ul className="space-y-3">
              {contacts.map((contact) => (
                <li key={contact.id}>
                  <p className="font-semibold">{contact.label}</p>
                  {contact.address ? <p className="text-sm">{contact.address}</p> : null}
                  {contact.hours ? <p className="text-sm">{contact.hours}</p> : null}
                  {contact.phone ? (
                    <p className="text-sm">
                      Tél. <PhoneLink phone={contact.phone} />
                    </p>
                  ) : null}
                  {contact.email ? (
                    <p className="text-sm">
                      <MailLink email={contact.email} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </Panel>

          <Panel title="Les services accessibles">
            <p className="mb-2 text-sm text-muted">Règlement, tarifs, programmes</p>
            <ul className="space-y-2">
              {services.map((service) => (
                <li key={service.id}>
                  <p className="font-semibold">{service.name}</p>
                  {service.serviceDocuments.length === 0 ? (
                    <p className="text-sm text-muted">Documents bientôt disponibles.</p>
                  ) : (
                    <ul className="ml-4 list-disc text-sm">
                      {service.serviceDocuments.map((document) => (
                        <li key={document.id}>
                          <a className="text-brand underline" href={`/api/service-documents/${document.id}`}>
                            {SERVICE_DOCUMENT_KIND_LABELS[document.kind]} – {document.title}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </Panel>
        </div>
      </div>
    </div>
  );
}
