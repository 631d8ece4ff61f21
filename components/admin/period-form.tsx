"use client";

import { useState } from "react";

import { ActiveField } from "@/components/admin/active-field";
import { CreateOrEditForm, type CreateOrEditSpec } from "@/components/admin/create-or-edit-form";
import { CheckboxGroup, RadioGroup } from "@/components/ui/form/choice-fields";
import { namedOptions, SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { SCHOOL_LEVELS, WEEKDAY_LABELS, ZPeriodSchema, ZPeriodUpdateSchema } from "@/lib/catalogue/period.schema";
import { VALIDATION_MODE_CHOICES } from "@/lib/catalogue/validation-mode-labels";
import { SCHOOL_LEVEL_SHORT_LABELS } from "@/lib/children/child-labels";

type Rule = { kind: string; weekday: number | null; daysBefore: number | null; timeOfDay: number };
export type PeriodFormValues = {
  id: string;
  establishmentId: string;
  activityId: string;
  name: string;
  startDate: string;
  endDate: string;
  lastBookingDate: string | null;
  openWeekdays: number[];
  bookingRule: Rule;
  changeRule: Rule;
  validationMode: "AUTO" | "MANUAL";
  minAgeYears: number | null;
  maxAgeYears: number | null;
  schoolLevels: string[];
  eligibleSchoolIds: string[];
  active: boolean;
};
type Option = { id: string; name: string };
type Props = {
  action: (input: FormData) => Promise<ActionResult<{ id: string }>>;
  establishments: Option[];
  activities: Option[];
  schools: Option[];
  /** The period being edited; none to create one. */
  period?: PeriodFormValues;
};

const WEEKDAY_OPTIONS = WEEKDAY_LABELS.map((label, index) => ({ value: String(index + 1), label }));
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
// Guide: "Vous devez réserver avant le mardi de la semaine précédant la date souhaitée — 23:59".
const DEFAULT_RULE: Rule = { kind: "WEEKDAY_OF_PREVIOUS_WEEK", weekday: 2, daysBefore: null, timeOfDay: 23 * 60 + 59 };

function RuleFields({ prefix, legend, rule }: { prefix: "booking" | "change"; legend: string; rule: Rule }) {
  const [kind, setKind] = useState(rule.kind);
  return (
    <fieldset className="space-y-3 rounded border border-gray-300 p-3">
      <legend className="px-1 font-semibold">{legend}</legend>
      <SelectField
        name={`${prefix}Kind`}
        label="Type de délai"
        value={kind}
        onChange={setKind}
        options={[
          { value: "WEEKDAY_OF_PREVIOUS_WEEK", label: "Avant un jour de la semaine précédente" },
          { value: "DAYS_BEFORE", label: "Un nombre de jours avant" },
        ]}
      />
      {kind === "WEEKDAY_OF_PREVIOUS_WEEK" ? (
        <SelectField
          name={`${prefix}Weekday`}
          label="Jour de la semaine précédente"
          defaultValue={String(rule.weekday ?? 2)}
          options={WEEKDAY_OPTIONS}
        />
      ) : (
        <TextField
          name={`${prefix}DaysBefore`}
          label="Nombre de jours avant la date"
          type="number"
          defaultValue={rule.daysBefore ?? 2}
          hint="0 : le jour même."
        />
      )}
      <TextField
        name={`${prefix}Time`}
        label="Heure limite (HH:MM)"
        required
        defaultValue={hhmm(rule.timeOfDay)}
        hint="Heure de Paris, par exemple 23:59."
      />
    </fieldset>
  );
}

function ValidationModeField({ defaultValue }: { defaultValue: "AUTO" | "MANUAL" }) {
  return (
    <RadioGroup name="validationMode" label="Mode de validation" defaultValue={defaultValue} options={VALIDATION_MODE_CHOICES} />
  );
}

const PERIOD_FORM: CreateOrEditSpec = {
  schemas: { create: ZPeriodSchema, update: ZPeriodUpdateSchema },
  texts: { createLabel: "Créer la période", saveLabel: "Enregistrer la période" },
  redirectTo: (data) => `/admin/catalogue/periodes/${(data as { id: string }).id}`,
};

export function PeriodForm({ action, establishments, activities, schools, period }: Props) {
  const section = "space-y-4 rounded-lg bg-white p-4 shadow";
  return (
    <CreateOrEditForm action={action} record={period} spec={PERIOD_FORM} className="space-y-6">
      <section aria-labelledby="period-identity" className={section}>
        <h2 id="period-identity" className="text-lg font-bold text-brand">
          Identification
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          <SelectField
            name="establishmentId"
            label="Établissement"
            required
            defaultValue={period?.establishmentId ?? ""}
            placeholder="Choisissez un établissement"
            options={namedOptions(establishments)}
          />
          <SelectField
            name="activityId"
            label="Activité"
            required
            defaultValue={period?.activityId ?? ""}
            placeholder="Choisissez une activité"
            options={namedOptions(activities)}
          />
        </div>
        <TextField
          name="name"
          label="Nom de la période"
          required
          defaultValue={period?.name}
          hint="Exemple : CANTINE ELEMENTAIRE 2026-2027. Unique dans l'établissement."
        />
        <ActiveField
          label="Période active"
          hint="Une période inactive n'est plus proposée aux familles."
          active={period?.active}
        />
      </section>

      <section aria-labelledby="period-dates" className={section}>
        <h2 id="period-dates" className="text-lg font-bold text-brand">
          Dates et jours d&apos;ouverture
        </h2>
        <div className="grid gap-4 md:grid-cols-3">
          <TextField name="startDate" label="Date de début" type="date" required defaultValue={period?.startDate} />
          <TextField name="endDate" label="Date de fin" type="date" required defaultValue={period?.endDate} />
          <TextField
            name="lastBookingDate"
            label="Dernière date de réservation"
            type="date"
            defaultValue={period?.lastBookingDate ?? ""}
            hint="Facultative : dernier jour où les familles peuvent réserver, même avant le début de la période ; vide : jusqu'à la date de fin."
          />
        </div>
        <CheckboxGroup
          name="openWeekdays"
          label="Jours d'ouverture"
          required
          options={WEEKDAY_OPTIONS}
          defaultValues={(period?.openWeekdays ?? [1, 2, 4, 5]).map(String)}
        />
      </section>

      <section aria-labelledby="period-rules" className={section}>
        <h2 id="period-rules" className="text-lg font-bold text-brand">
          Délais et validation
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          <RuleFields prefix="booking" legend="Délai de réservation" rule={period?.bookingRule ?? DEFAULT_RULE} />
          <RuleFields prefix="change" legend="Délai de modification ou d'annulation" rule={period?.changeRule ?? DEFAULT_RULE} />
        </div>
        <ValidationModeField defaultValue={period?.validationMode ?? "AUTO"} />
      </section>

      <section aria-labelledby="period-eligibility" className={section}>
        <h2 id="period-eligibility" className="text-lg font-bold text-brand">
          Éligibilité
        </h2>
        <p className="text-sm text-muted">
          Seuls les enfants qui remplissent toutes ces conditions se voient proposer la période. Laissez vide pour ne pas
          restreindre.
        </p>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField name="minAgeYears" label="Âge minimum (ans)" type="number" defaultValue={period?.minAgeYears ?? ""} />
          <TextField name="maxAgeYears" label="Âge maximum (ans)" type="number" defaultValue={period?.maxAgeYears ?? ""} />
        </div>
        <CheckboxGroup
          name="schoolLevels"
          label="Niveaux scolaires"
          hint="Aucune case cochée : tous les niveaux."
          options={SCHOOL_LEVELS.map((level) => ({ value: level, label: SCHOOL_LEVEL_SHORT_LABELS[level] }))}
          defaultValues={period?.schoolLevels ?? []}
        />
        <CheckboxGroup
          name="eligibleSchoolIds"
          label="Écoles"
          hint="Aucune case cochée : les élèves de toutes les écoles."
          options={namedOptions(schools)}
          defaultValues={period?.eligibleSchoolIds ?? []}
        />
      </section>
    </CreateOrEditForm>
  );
}
