import "server-only";

import { childName } from "@/lib/children/child-name";
import { dateToDay } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail, type MailTown, type RenderedMail } from "@/lib/mail/render-mail";
import { publicUrl } from "@/lib/town/public-url";

import { dayLabel, formatReservationNumber } from "./booking-rules";
import { PERIOD_TITLE_FIELDS, periodTitle } from "./period-rules";
import { reservationStateFromLines } from "./status";
import { DAY_STATUS_LABELS, stateLabel } from "./status-labels";

// E-mails about a reservation (SPEC §10 "reservation accepted/refused"): written to the outbox in
// the transaction that decides them (lib/mail/outbox.ts), so they commit with the booking or the
// decision, or not at all; delivery sends them afterwards.

const FALLBACK_TOWN: MailTown = {
  townName: "Votre commune",
  portalName: "Portail Familles",
  guichetName: "Guichet unique",
  guichetPhone: "",
  guichetEmail: "",
};

async function mailTown(db: Db): Promise<MailTown> {
  return (
    (await db.townSettings.findUnique({
      where: { id: 1 },
      select: { townName: true, portalName: true, guichetName: true, guichetPhone: true, guichetEmail: true },
    })) ?? FALLBACK_TOWN
  );
}

async function loadForMail(db: Db, reservationId: string) {
  return db.reservation.findUnique({
    where: { id: reservationId },
    select: {
      id: true,
      number: true,
      status: true,
      familyId: true,
      child: { select: { firstName: true, lastName: true } },
      period: PERIOD_TITLE_FIELDS,
      days: {
        where: { status: { not: "CANCELLED" } },
        orderBy: [{ date: "asc" }, { unit: { sortOrder: "asc" } }],
        select: { date: true, status: true, staffMessage: true, unit: { select: { label: true } } },
      },
    },
  });
}

type MailReservation = NonNullable<Awaited<ReturnType<typeof loadForMail>>>;

function reservationMail(town: MailTown, reservation: MailReservation, kind: "confirmation" | "decision"): RenderedMail {
  const number = formatReservationNumber(reservation.number);
  const child = childName(reservation.child);
  const state = stateLabel(
    reservationStateFromLines(
      reservation.status,
      reservation.days.map((line) => line.status),
    ),
  );
  const lines = reservation.days.map(
    (line) =>
      `${dayLabel(dateToDay(line.date))} – ${line.unit.label} : ${DAY_STATUS_LABELS[line.status]}${line.staffMessage ? ` (${line.staffMessage})` : ""}`,
  );
  return renderMail(town, {
    subject:
      kind === "confirmation"
        ? `Demande de réservation n° ${number} enregistrée – ${state}`
        : `Réservation n° ${number} : ${state}`,
    paragraphs: [
      kind === "confirmation"
        ? `Votre demande de réservation n° ${number} pour ${child} a bien été prise en compte. Merci.`
        : `Le service a traité votre demande de réservation n° ${number} pour ${child}.`,
      periodTitle(reservation.period),
      `État de la réservation : ${state}.`,
      ...lines,
    ],
    action: { label: "Voir la réservation", url: publicUrl(`/espace/reservations/${reservation.id}`) },
  });
}

/**
 * The confirmation after "Confirmer la réservation" (and after a modification or a copy), written
 * inside the booking's transaction (pass its `tx`).
 */
export async function queueReservationConfirmation(tx: Db, reservationId: string, to: string): Promise<void> {
  const reservation = await loadForMail(tx, reservationId);
  if (!reservation) return;
  await enqueueMail(tx, to, reservationMail(await mailTown(tx), reservation, "confirmation"), "reservation-confirmation");
}

/**
 * For the staff queue (back office): the decision on a reservation's lines — every line with its
 * state and the staff message — for each active parent account of the family, written inside the
 * transaction that decided (pass its `tx`).
 */
export async function queueReservationDecision(tx: Db, reservationId: string): Promise<void> {
  const reservation = await loadForMail(tx, reservationId);
  if (!reservation) return;
  const mail = reservationMail(await mailTown(tx), reservation, "decision");
  const parents = await tx.user.findMany({
    where: { familyId: reservation.familyId, role: "PARENT", active: true },
    select: { email: true },
  });
  for (const parent of parents) await enqueueMail(tx, parent.email, mail, "reservation-decision");
}
