import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ActionForm } from "@/components/admin/action-form";
import { AddChildForm } from "@/components/admin/add-child-form";
import { FamilyAttendance } from "@/components/admin/attendance/family-attendance";
import { ChildHealthReveal } from "@/components/admin/child-health";
import { ChildIdentityForm } from "@/components/admin/child-identity-form";
import { QuotientForm } from "@/components/admin/quotient-form";
import { DayRange, ReservationNumberLink } from "@/components/admin/reservation-cells";
import { CompletenessBlock } from "@/components/dashboard/completeness-block";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { familyAttendance } from "@/lib/attendance/attendance";
import { staffPage } from "@/lib/auth/session";
import { childName } from "@/lib/children/child-name";
import { childIdentityValues } from "@/lib/children/child-sheet";
import * as clock from "@/lib/clock";
import { dateToDay, formatDateTime, formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { STAFF_DOCUMENT_STATUS_LABELS } from "@/lib/documents/status-labels";
import { getFamilyForStaff } from "@/lib/families/families";
import { loadCompleteness } from "@/lib/families/load-completeness";
import { staffFamilyTitle } from "@/lib/http/page-titles";
import { parseId } from "@/lib/http/url-params";
import { formatReservationNumber } from "@/lib/reservations/booking-rules";
import { reservationState } from "@/lib/reservations/status";
import { STAFF_STATUS_LABELS, stateLabel } from "@/lib/reservations/status-labels";
import { listSchoolChoices } from "@/lib/schools/schools";

import {
  addChildAction,
  resendActivationAction,
  setAccountActiveAction,
  setQuotientAction,
  showChildHealthAction,
  updateChildIdentityAction,
} from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const subject = id ? await staffFamilyTitle(getDb(), await staffPage(), id) : null;
  return { title: subject ? `${subject}` : "Famille" };
}

export default async function FamilyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const viewer = await staffPage();
  const db = getDb();
  const id = parseId((await params).id);
  const { creee } = await searchParams;
  if (!id) notFound();
  const family = await getFamilyForStaff(db, viewer, id);
  if (!family) notFound();
  const schools = await listSchoolChoices(db);
  const completeness = await loadCompleteness(db, family.id);
  const address = [family.street, family.addressComplement, [family.postalCode, family.city].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">Famille {family.name}</h1>
      {creee ? (
        <p role="status" className="rounded bg-green-100 p-3 text-green-900">
          La famille a été créée ; l&apos;e-mail d&apos;activation a été envoyé.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Dossier">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">Adresse</dt>
            <dd>{address || "Non renseignée"}</dd>
            <dt className="font-semibold">Téléphone</dt>
            <dd>{family.homePhone ?? "Non renseigné"}</dd>
            <dt className="font-semibold">N° allocataire</dt>
            <dd>
              {family.allowanceNumber ?? "Non renseigné"} {family.benefitScheme ? `(${family.benefitScheme})` : ""}
            </dd>
            <dt className="font-semibold">Quotient familial</dt>
            <dd>
              {family.quotientFamilial ?? "Non fixé"}
              {family.qfSetAt ? ` (fixé le ${formatDateTime(family.qfSetAt)})` : ""}
            </dd>
          </dl>
          <p className="mt-3">
            <Link href={`/admin/familles/${family.id}/dossier`} className="font-semibold text-brand underline">
              Modifier le dossier famille
            </Link>
          </p>
          <div className="mt-4">
            <QuotientForm
              action={setQuotientAction}
              familyId={family.id}
              quotient={family.quotientFamilial}
              defaultValidFrom={`${clock.today().slice(0, 7)}-01`}
            />
          </div>
        </Panel>
        <Panel title="Compte(s) parent">
          {family.users.length === 0 ? <p className="text-muted">Aucun compte.</p> : null}
          <ul className="space-y-4">
            {family.users.map((user) => (
              <li key={user.id} className="space-y-2">
                <p className="font-semibold">{user.email}</p>
                <p>
                  État :{" "}
                  {!user.active
                    ? "désactivé"
                    : user.activatedAt
                      ? `activé le ${formatDateTime(user.activatedAt)}`
                      : "en attente d'activation"}
                  {user.lastLoginAt ? ` – dernière connexion le ${formatDateTime(user.lastLoginAt)}` : ""}
                </p>
                <div className="flex flex-wrap gap-3">
                  {user.active ? (
                    <ActionForm
                      action={resendActivationAction}
                      submitLabel={
                        user.activatedAt ? "Envoyer un lien pour redéfinir le mot de passe" : "Renvoyer l'e-mail d'activation"
                      }
                      successMessage="E-mail envoyé."
                      variant="secondary"
                    >
                      <input type="hidden" name="familyId" value={family.id} />
                      <input type="hidden" name="userId" value={user.id} />
                    </ActionForm>
                  ) : null}
                  <ActionForm
                    action={setAccountActiveAction}
                    submitLabel={user.active ? "Désactiver le compte" : "Réactiver le compte"}
                    confirmMessage={
                      user.active ? "Désactiver ce compte ? Le parent sera déconnecté et ne pourra plus se connecter." : undefined
                    }
                    variant={user.active ? "danger" : "secondary"}
                  >
                    <input type="hidden" name="familyId" value={family.id} />
                    <input type="hidden" name="userId" value={user.id} />
                    <input type="hidden" name="active" value={user.active ? "false" : "true"} />
                  </ActionForm>
                </div>
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title="Responsables">
          {family.guardians.length === 0 ? <p className="text-muted">Aucun responsable saisi.</p> : null}
          <ul className="space-y-2">
            {family.guardians.map((guardian) => (
              <li key={guardian.id}>
                <span className="font-semibold">
                  Responsable {guardian.position} : {guardian.lastName} {guardian.firstName}
                </span>
                <span className="block text-sm">
                  {[guardian.mobilePhone, guardian.homePhone, guardian.workPhone].filter(Boolean).join(" – ")}
                </span>
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title="Pièces justificatives">
          {family.documents.length === 0 ? <p className="text-muted">Aucune pièce déposée.</p> : null}
          <ul className="space-y-1">
            {family.documents.map((document) => (
              <li key={document.id}>
                « {document.name} » : {document.type.label}
                {document.child ? ` (${childName(document.child)})` : ""} – {document.originalName} –{" "}
                {STAFF_DOCUMENT_STATUS_LABELS[document.status]}
                {document.refusalReason ? ` : ${document.refusalReason}` : ""}
              </li>
            ))}
          </ul>
        </Panel>
      </div>
      {completeness ? <CompletenessBlock completeness={completeness} audience="staff" /> : null}
      <Panel title="Enfants">
        {family.children.length === 0 ? <p className="text-muted">Aucun enfant.</p> : null}
        <ul className="space-y-4">
          {family.children.map((child) => (
            <li key={child.id} className="border-b border-gray-200 pb-3">
              <p className="font-semibold">
                {childName(child)} – né(e) le {formatDay(dateToDay(child.birthDate))}
              </p>
              <p>
                {child.school?.name ?? "École non renseignée"} {child.schoolLevel ?? ""}{" "}
                {child.schoolClass ? `– classe ${child.schoolClass}` : ""}
              </p>
              <p className="text-sm">
                Personnes à prévenir :{" "}
                {child.emergencyContacts.map((contact) => `${contact.name} (${contact.relation}) ${contact.phone}`).join(" ; ") ||
                  "aucune"}
              </p>
              <p className="text-sm">
                Personnes autorisées :{" "}
                {child.authorisedPersons.map((person) => `${person.name} (${person.relation}) ${person.phone}`).join(" ; ") ||
                  "aucune"}
              </p>
              <details className="mt-2">
                <summary className="cursor-pointer font-semibold text-brand underline">
                  Modifier l&apos;identité et la scolarité de {childName(child)}
                </summary>
                <p className="my-2 text-sm text-muted">
                  Nom, prénom, sexe, date de naissance et scolarité seulement : les renseignements médicaux ne sont ni affichés ni
                  demandés.
                </p>
                <ChildIdentityForm
                  familyId={family.id}
                  childId={child.id}
                  version={child.version}
                  schools={schools}
                  action={updateChildIdentityAction}
                  values={childIdentityValues(child)}
                />
              </details>
              <ChildHealthReveal familyId={family.id} childId={child.id} action={showChildHealthAction} />
              <p className="mt-2">
                <Link href={`/admin/familles/${family.id}/enfants/${child.id}`} className="font-semibold text-brand underline">
                  Modifier la fiche enfant de {childName(child)}
                </Link>
                <span className="ml-2 text-sm text-muted">
                  (affiche les informations médicales : consultation enregistrée au journal)
                </span>
              </p>
            </li>
          ))}
        </ul>
      </Panel>
      <Panel title="Ajouter un enfant">
        <p className="mb-3">
          Saisissez l&apos;identité et la scolarité de l&apos;enfant : la famille complète ensuite sa fiche (renseignements
          médicaux, personnes à contacter, autorisations) depuis son espace, où la liste des éléments manquants s&apos;affiche.
        </p>
        <AddChildForm familyId={family.id} schools={schools} action={addChildAction} />
      </Panel>
      <Panel title="Réservations">
        {family.reservations.length === 0 ? (
          <p className="text-muted">Aucune réservation.</p>
        ) : (
          <DataTable
            className="w-full text-left"
            caption={`Réservations de la famille ${family.name}`}
            look="ruled"
            columns={["N°", "Enfant", "Activité", "Dates", "État"]}
          >
            {family.reservations.map((reservation) => (
              <tr key={reservation.id} className="border-t border-gray-200">
                <td className="py-2 pr-3">
                  <ReservationNumberLink id={reservation.id} number={formatReservationNumber(reservation.number)} />
                </td>
                <td className="py-2 pr-3">{childName(reservation.child)}</td>
                <td className="py-2 pr-3">
                  {reservation.period.activity.name} – {reservation.period.establishment.name} ({reservation.period.name})
                </td>
                <td className="py-2 pr-3">
                  <DayRange
                    first={reservation.firstDate ? formatDay(dateToDay(reservation.firstDate)) : null}
                    last={reservation.lastDate ? formatDay(dateToDay(reservation.lastDate)) : null}
                  />
                </td>
                <td className="py-2">
                  {stateLabel(reservationState(reservation.status, reservation._count.days), STAFF_STATUS_LABELS)}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Panel>
      <FamilyAttendance rows={await familyAttendance(db, viewer, family.id)} />
    </div>
  );
}
