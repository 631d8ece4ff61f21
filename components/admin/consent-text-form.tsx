"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { ConsentBody } from "@/components/consents/consent-body";
import { ActionError } from "@/components/ui/form/action-error";
import { FieldErrorsProvider } from "@/components/ui/form/field";
import { TextField } from "@/components/ui/form/text-field";
import { useCheckedAction } from "@/components/ui/form/use-checked-action";
import type { ActionResult } from "@/lib/auth/action";
import { CONSENT_KIND_TITLES, normaliseConsentBody, type ConsentKindCode } from "@/lib/consents/consent-kinds";
import { CONSENT_BODY_MAX, ZConsentTextSchema } from "@/lib/consents/consent-text.schema";

type Props = {
  action: (input: FormData) => Promise<ActionResult<{ version: number }>>;
  kind: ConsentKindCode;
  /** The version in force (0 when none): the new one is the next. */
  currentVersion: number;
  currentBody: string;
};

/** How the family sees the statement: its text, then its answer (OUI or « J'accepte »), not answerable here. */
function FamilyPreview({ kind, body }: { kind: ConsentKindCode; body: string }) {
  const ouiStatement = kind === "REGLEMENTS" || kind === "ATTESTATION_HONNEUR" || kind === "SIGNATURE_NUMERIQUE";
  return (
    <div className="space-y-2 rounded border border-gray-300 bg-white p-4" data-testid="consent-preview">
      <ConsentBody body={body} lead={ouiStatement ? CONSENT_KIND_TITLES[kind].toLocaleUpperCase("fr-FR") : undefined} />
      {ouiStatement ? (
        <p className="text-muted">Réponse de la famille : menu « OUI »</p>
      ) : (
        <p className="text-muted">Réponse de la famille : case « J&apos;accepte »</p>
      )}
    </div>
  );
}

/**
 * « Publier une nouvelle version »: the text (prefilled with the version in force), « Prévisualiser »
 * shows it as the family will read it, and only the previewed text can be published (changing it
 * again hides the preview and the button).
 */
export function ConsentTextForm({ action, kind, currentVersion, currentBody }: Props) {
  const router = useRouter();
  const previewHeading = useId();
  const [body, setBody] = useState(currentBody);
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const { result, pending, post } = useCheckedAction(action, ZConsentTextSchema, (data) => {
    setPublished(data.version);
    setPreviewed(null);
    router.refresh();
  });
  const normalised = normaliseConsentBody(body);
  const showPreview = previewed !== null && previewed === normalised && normalised !== "";
  const nextVersion = currentVersion + 1;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!showPreview) return;
    if (!window.confirm(`Publier la version ${nextVersion} ? Les familles devront l'accepter à leur prochaine visite.`)) return;
    post(new FormData(event.currentTarget));
  }

  return (
    <FieldErrorsProvider errors={result && !result.ok ? result.fieldErrors : undefined}>
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="basedOnVersion" value={currentVersion} />
        <TextField
          name="body"
          label={`Texte de la version ${nextVersion}`}
          hint="Texte simple : laissez une ligne vide entre deux paragraphes."
          required
          multiline
          rows={8}
          value={body}
          onChange={(value) => {
            setBody(value);
            setPublished(null);
          }}
          className="max-w-3xl"
        />
        <p className="text-sm text-muted">
          {normalised.length} / {CONSENT_BODY_MAX} caractères
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => setPreviewed(normalised)}
            className="rounded border border-brand bg-white px-4 py-2 font-semibold text-brand hover:bg-blue-50"
          >
            Prévisualiser
          </button>
          {showPreview ? null : <p className="text-sm">Prévisualisez le texte avant de le publier.</p>}
        </div>
        <div aria-live="polite">
          {showPreview ? (
            <section aria-labelledby={previewHeading} className="space-y-3 rounded bg-gray-50 p-3">
              <h3 id={previewHeading} className="font-semibold">
                Aperçu : ce que verra la famille (version {nextVersion})
              </h3>
              <FamilyPreview kind={kind} body={normalised} />
              <button
                type="submit"
                disabled={pending}
                className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-blue-900 disabled:opacity-70"
              >
                {pending ? "Patientez…" : `Publier la version ${nextVersion}`}
              </button>
            </section>
          ) : null}
        </div>
        <div role="status" aria-live="polite">
          {published !== null ? (
            <p className="text-green-800">
              Version {published} publiée : les familles devront l&apos;accepter à leur prochaine visite.
            </p>
          ) : null}
        </div>
        <ActionError result={result} />
      </form>
    </FieldErrorsProvider>
  );
}
