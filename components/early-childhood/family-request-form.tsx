"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { ActionError } from "@/components/ui/form/action-error";
import { CheckboxField, RadioGroup } from "@/components/ui/form/choice-fields";
import { FieldErrorsProvider, RequiredFieldsNote } from "@/components/ui/form/field";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import { useCheckedAction } from "@/components/ui/form/use-checked-action";
import type { ActionResult } from "@/lib/auth/action";
import type { EarlyChildhoodStatus } from "@/lib/db/generated/enums";
import { MAX_CRECHES, UNBORN, WEEKDAY_LABELS, WEEKDAYS, ZFamilyRequestSchema } from "@/lib/early-childhood/family-request.schema";
import type { RequestFormChoices, RequestFormValues } from "@/lib/early-childhood/family-requests";

type Props = {
  action: (input: FormData) => Promise<ActionResult<{ id: string; status: EarlyChildhoodStatus }>>;
  choices: RequestFormChoices;
  /** A draft edited; a new request otherwise. */
  draft?: RequestFormValues;
};

/**
 * « Nouvelle demande d'inscription » (SPEC §7): the child or « Enfant à naître », the wished start
 * date, one to three crèches in order of preference, the days and hours wished, comments; saved
 * as a draft or sent. A plain form posted as FormData: what the family typed stays on a refusal.
 */
export function FamilyRequestForm({ action, choices, draft }: Props) {
  const id = useId();
  const router = useRouter();
  const [child, setChild] = useState(draft?.child ?? "");
  const { result, pending, post } = useCheckedAction(action, ZFamilyRequestSchema, (data) => {
    router.push(`/espace/petite-enfance/${data.id}?${data.status === "SUBMITTED" ? "envoyee" : "enregistree"}=1`);
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget);
    data.set("intent", submitter?.value === "send" ? "send" : "draft");
    post(data);
  }

  const slot = (weekday: number) => draft?.schedule.find((entry) => entry.weekday === weekday);
  const crecheOptions = choices.creches.map((creche) => ({ value: creche.id, label: creche.name }));
  const hour = (time: string) => time.replace(":", "h").replace(/^0/, "");
  const unborn = child === UNBORN;

  return (
    <FieldErrorsProvider errors={result && !result.ok ? result.fieldErrors : undefined}>
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-6">
        {draft ? (
          <>
            <input type="hidden" name="id" value={draft.id} />
            <input type="hidden" name="version" value={draft.version} />
          </>
        ) : null}
        <RequiredFieldsNote />

        <fieldset className="space-y-4">
          <legend className="text-lg font-bold text-brand">L&apos;enfant</legend>
          {/* The radios post `child`; the form follows the choice to show the unborn child's fields. */}
          <div onChange={(event) => setChild((event.target as HTMLInputElement).value)}>
            <RadioGroup
              name="child"
              id={`${id}-child`}
              label="Enfant"
              required
              inline={false}
              options={[
                ...choices.children.map((entry) => ({ value: entry.id, label: entry.name })),
                { value: UNBORN, label: "Enfant à naître" },
              ]}
              defaultValue={draft?.child}
              hint="Pour un enfant à naître, la demande est acceptée à partir du 4e mois de grossesse."
            />
          </div>
          {unborn ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                name="expectedBirthDate"
                id={`${id}-expected`}
                type="date"
                label="Date de naissance prévue"
                required
                defaultValue={draft?.expectedBirthDate}
              />
              <TextField
                name="unbornFirstName"
                id={`${id}-first-name`}
                label="Prénom prévu"
                hint="Facultatif."
                defaultValue={draft?.unbornFirstName}
              />
            </div>
          ) : null}
        </fieldset>

        <fieldset className="space-y-4">
          <legend className="text-lg font-bold text-brand">L&apos;accueil souhaité</legend>
          <TextField
            name="wishedStartDate"
            id={`${id}-start`}
            type="date"
            label="Date d'entrée souhaitée"
            required
            hint={unborn ? "Après la naissance prévue." : undefined}
            defaultValue={draft?.wishedStartDate}
          />
          <div className="text-sm text-muted" id={`${id}-opening`}>
            Heures d&apos;ouverture :{" "}
            {choices.creches.map((creche) => `${creche.name} ${hour(creche.opensAt)}–${hour(creche.closesAt)}`).join(" ; ")}.
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            {Array.from({ length: MAX_CRECHES }, (_, index) => (
              <SelectField
                key={index}
                name={`creche${index + 1}`}
                id={`${id}-creche${index + 1}`}
                label={`Crèche souhaitée n° ${index + 1}`}
                required={index === 0}
                placeholder={index === 0 ? "— Choisissez —" : "< Aucune >"}
                options={crecheOptions}
                defaultValue={draft?.crecheIds[index] ?? ""}
              />
            ))}
          </div>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-lg font-bold text-brand">Planning souhaité</legend>
          <p className="text-sm text-muted" id={`${id}-planning-hint`}>
            Cochez les jours d&apos;accueil et indiquez les heures d&apos;arrivée et de départ, dans les heures d&apos;ouverture
            de la crèche (exemple : du lundi au jeudi, 8h30–17h30).
          </p>
          {WEEKDAYS.map((weekday, index) => (
            <div key={weekday} data-testid={`planning-jour-${weekday}`} className="grid items-end gap-3 sm:grid-cols-3">
              <span id={`${id}-dayname${weekday}`} className="sr-only">
                {WEEKDAY_LABELS[index].toLowerCase()}
              </span>
              <CheckboxField
                name={`day${weekday}`}
                id={`${id}-day${weekday}`}
                label={WEEKDAY_LABELS[index]}
                defaultChecked={Boolean(slot(weekday))}
              />
              <TextField
                name={`from${weekday}`}
                id={`${id}-from${weekday}`}
                type="time"
                label="Arrivée"
                defaultValue={slot(weekday)?.from ?? "08:30"}
                describedBy={`${id}-dayname${weekday}`}
              />
              <TextField
                name={`to${weekday}`}
                id={`${id}-to${weekday}`}
                type="time"
                label="Départ"
                defaultValue={slot(weekday)?.to ?? "17:30"}
                describedBy={`${id}-dayname${weekday}`}
              />
            </div>
          ))}
        </fieldset>

        <TextField
          name="comments"
          id={`${id}-comments`}
          label="Commentaires"
          multiline
          rows={4}
          hint="Facultatif : ce que le Guichet unique doit savoir (fratrie, situation particulière…)."
          defaultValue={draft?.comments}
        />

        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            name="intent"
            value="draft"
            disabled={pending}
            className="rounded border border-brand bg-white px-5 py-2 font-bold text-brand hover:bg-blue-50 disabled:opacity-70"
          >
            Enregistrer le brouillon
          </button>
          <button
            type="submit"
            name="intent"
            value="send"
            disabled={pending}
            aria-busy={pending}
            className="rounded bg-accent px-5 py-2 font-bold text-white hover:bg-accent-dark disabled:opacity-70"
          >
            {pending ? "Patientez…" : "Envoyer la demande"}
          </button>
        </div>
        <ActionError result={result} />
      </form>
    </FieldErrorsProvider>
  );
}
