import { z } from "zod";

import { isCalendarDay } from "@/lib/dates/calendar-day";
import { optionalText, requiredText } from "@/lib/validation/form-fields";

import { ZWeeklySchedule } from "./schedule";

// A request's one-off staff decisions (« Mettre à l'étude », « Inscrire en liste d'attente »,
// « Proposer une place », « Refuser »), as their forms post them: the request's id and the
// version the page showed (a decision made on an older version is refused).

const day = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message, abort: true })
    .refine(isCalendarDay, { error: "Date invalide : utilisez le format JJ/MM/AAAA." });

const target = {
  id: z.uuid({ error: "Demande introuvable." }),
  version: z.coerce.number({ error: "Version invalide : rechargez la page." }).int(),
};

export const ZRequestTargetSchema = z.object(target);
export type TRequestTarget = z.output<typeof ZRequestTargetSchema>;

export const ZRefuseRequestSchema = z.object({
  ...target,
  reason: requiredText("Le motif du refus est obligatoire : il est envoyé à la famille.", 500),
});
export type TRefuseRequest = z.output<typeof ZRefuseRequestSchema>;

const WEEKDAYS = [1, 2, 3, 4, 5] as const;

/** The planning's fields (« lundi de … à … »): a day left empty is a day the child does not come. */
function planningFromFields(input: Record<string, unknown>) {
  const slots = [];
  for (const weekday of WEEKDAYS) {
    const from = String(input[`from${weekday}`] ?? "").trim();
    const to = String(input[`to${weekday}`] ?? "").trim();
    if (from !== "" || to !== "") slots.push({ weekday, from, to });
  }
  return slots;
}

const absenceWeeks = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? 0 : Number(value.trim())) : (value ?? 0)),
  z
    .number({ error: "Les semaines d'absence sont un nombre entier." })
    .int("Les semaines d'absence sont un nombre entier.")
    .min(0, "Les semaines d'absence sont positives ou nulles.")
    .max(20, "20 semaines d'absence au plus."),
);

export const ZOfferPlaceSchema = z
  .object({
    ...target,
    crecheId: z.uuid({ error: "Choisissez la crèche." }),
    startDate: day("La date d'entrée est obligatoire."),
    endDate: day("La date de fin du contrat est obligatoire."),
    answerBy: day("La date limite de réponse est obligatoire."),
    absenceWeeks,
  })
  .catchall(z.unknown())
  .transform((input, context) => {
    const planning = ZWeeklySchedule.safeParse(planningFromFields(input));
    if (!planning.success) {
      context.addIssue({
        code: "custom",
        path: ["planning"],
        message: planning.error.issues[0]?.message ?? "Planning invalide.",
      });
      return z.NEVER;
    }
    return {
      id: input.id,
      version: input.version,
      crecheId: input.crecheId,
      startDate: input.startDate,
      endDate: input.endDate,
      answerBy: input.answerBy,
      absenceWeeks: input.absenceWeeks,
      planning: planning.data,
    };
  })
  .superRefine((offer, context) => {
    if (offer.endDate <= offer.startDate)
      context.addIssue({ code: "custom", path: ["endDate"], message: "La fin du contrat doit suivre la date d'entrée." });
  });
export type TOfferPlace = z.output<typeof ZOfferPlaceSchema>;

// ─── Commission ────────────────────────────────────────────────────────────────────────────

export const ZCommissionSessionSchema = z
  .object({
    sessionDate: day("La date de la commission est obligatoire."),
    placesDate: day("La date de décompte des places est obligatoire."),
  })
  .strict();
export type TCommissionSession = z.output<typeof ZCommissionSessionSchema>;

export const COMMISSION_CHOICES = ["", "OFFER", "WAITING_LIST", "REFUSE"] as const;
export type CommissionChoice = (typeof COMMISSION_CHOICES)[number];

export type CommissionRow =
  | { requestId: string; version: number; decision: "OFFER"; crecheId: string; startDate: string }
  | { requestId: string; version: number; decision: "WAITING_LIST" }
  | { requestId: string; version: number; decision: "REFUSE"; reason: string };

const rowFields = (requestId: string) => ({
  decision: `decision_${requestId}`,
  version: `version_${requestId}`,
  crecheId: `creche_${requestId}`,
  startDate: `start_${requestId}`,
  reason: `reason_${requestId}`,
});

/** The field names of a candidate's row in the commission's form. */
export const commissionFieldNames = rowFields;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The commission's one step: one row per candidate (`decision_<id>`: « Place proposée »,
 * « Liste d'attente », « Refusée » or nothing). Rows without a decision are left out.
 */
export const ZCommissionStepSchema = z
  .object({ sessionId: z.uuid({ error: "Commission introuvable." }) })
  .catchall(z.unknown())
  .transform((input, context) => {
    const rows: CommissionRow[] = [];
    for (const key of Object.keys(input)) {
      const requestId = key.startsWith("decision_") ? key.slice("decision_".length) : null;
      if (!requestId || !UUID.test(requestId)) continue;
      const names = rowFields(requestId);
      const decision = String(input[names.decision] ?? "");
      if (decision === "") continue;
      const version = Number(input[names.version]);
      if (!Number.isInteger(version)) {
        context.addIssue({ code: "custom", path: [names.decision], message: "Version invalide : rechargez la page." });
        continue;
      }
      if (decision === "OFFER") {
        const crecheId = String(input[names.crecheId] ?? "");
        const startDate = String(input[names.startDate] ?? "").trim();
        if (!UUID.test(crecheId))
          context.addIssue({ code: "custom", path: [names.crecheId], message: "Choisissez la crèche de la place proposée." });
        if (!isCalendarDay(startDate))
          context.addIssue({ code: "custom", path: [names.startDate], message: "La date d'entrée est obligatoire." });
        rows.push({ requestId, version, decision, crecheId, startDate });
      } else if (decision === "WAITING_LIST") {
        rows.push({ requestId, version, decision });
      } else if (decision === "REFUSE") {
        const reason = optionalText(500).safeParse(input[names.reason]);
        if (!reason.success || reason.data === "")
          context.addIssue({ code: "custom", path: [names.reason], message: "Le motif du refus est obligatoire." });
        rows.push({ requestId, version, decision, reason: reason.success ? reason.data : "" });
      } else {
        context.addIssue({ code: "custom", path: [names.decision], message: "Décision invalide." });
      }
    }
    if (rows.length === 0) context.addIssue({ code: "custom", path: [], message: "Aucune décision à enregistrer." });
    return { sessionId: input.sessionId, rows };
  });
export type TCommissionStep = z.output<typeof ZCommissionStepSchema>;
