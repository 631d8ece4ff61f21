"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";

import { FieldError, RequiredMark, useFieldWiring } from "@/components/ui/form/field";
import { SelectField } from "@/components/ui/form/select-field";
import { SubmitButton } from "@/components/ui/form/submit-button";
import { TextField } from "@/components/ui/form/text-field";
import { useServerFieldErrors } from "@/components/ui/form/use-server-field-errors";
import type { ActionResult } from "@/lib/auth/action";
import {
  DOCUMENT_NAME_MAX,
  FAMILY_SCOPE,
  ZUploadDocumentSchema,
  type TUploadDocument,
  type TUploadDocumentValues,
} from "@/lib/documents/document.schema";
import type { UploadChoices } from "@/lib/documents/family-documents";
import { ACCEPT_ATTRIBUTE, MAX_DOCUMENT_BYTES, UPLOAD_MESSAGES } from "@/lib/documents/upload-rules";

import { UploadThingSender, type DocumentSender } from "./uploadthing-sender";

type Props = {
  choices: UploadChoices;
  /** "uploadthing" when the portal stores files on UploadThing (UPLOADTHING_TOKEN set). */
  transport?: "local" | "uploadthing";
  defaultConcerns?: string;
  defaultTypeId?: string;
  /** Sent from a crèche request's page: the documents are linked to it. */
  earlyChildhoodRequestId?: string;
};

type UploadResult = ActionResult<{ id: string }>;

/** Sends the form to the upload route with XMLHttpRequest, which reports upload progress. */
function postWithProgress(body: FormData, onProgress: (percent: number) => void): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/documents");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const response = request.response as UploadResult | null;
      if (response && typeof response === "object" && "ok" in response) resolve(response);
      else reject(new Error(`HTTP ${request.status}`));
    };
    request.onerror = () => reject(new Error("network"));
    request.send(body);
  });
}

const formatSize = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} Ko`
    : `${(bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;

// Guide: « Indiquez s'il s'agit d'un document concernant la famille ou l'un des enfants,
// sélectionnez le type de document, puis cliquez sur ENVOYER ».
export function UploadDocumentForm({
  choices,
  defaultConcerns,
  defaultTypeId,
  earlyChildhoodRequestId,
  transport = "local",
}: Props) {
  const id = useId();
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const cameraInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadThingSend, setUploadThingSend] = useState<DocumentSender | null>(null);
  const registerSender = useCallback((send: DocumentSender) => setUploadThingSend(() => send), []);

  const {
    register,
    handleSubmit,
    control,
    setValue,
    setError,
    getValues,
    formState: { errors },
  } = useForm<TUploadDocument, unknown, TUploadDocumentValues>({
    resolver: zodResolver(ZUploadDocumentSchema),
    defaultValues: {
      concerns: (defaultConcerns ?? "") as TUploadDocument["concerns"],
      typeId: defaultTypeId ?? "",
      name: "",
      earlyChildhoodRequestId,
    },
  });
  const showServerErrors = useServerFieldErrors(setError);

  const concerns = useWatch({ control, name: "concerns" });
  const scope = concerns === FAMILY_SCOPE ? "FAMILY" : concerns ? "CHILD" : null;
  const types = choices.types.filter((type) => type.scope === scope);
  const typeId = useWatch({ control, name: "typeId" });
  const typeHelp = types.find((type) => type.id === typeId)?.helpText;

  // A type of the other scope no longer fits: ask again.
  useEffect(() => {
    const typeId = getValues("typeId");
    if (typeId && !types.some((type) => type.id === typeId)) setValue("typeId", "");
  }, [scope]); // eslint-disable-line react-hooks/exhaustive-deps

  function chooseFile(chosen: File | undefined) {
    setSuccess(null);
    setFile(chosen ?? null);
    setFileError(chosen && chosen.size > MAX_DOCUMENT_BYTES ? UPLOAD_MESSAGES.tooLarge : null);
  }

  async function send(values: TUploadDocumentValues) {
    setFormError(null);
    setSuccess(null);
    if (!file) {
      setFileError("Choisissez le fichier à envoyer.");
      fileInput.current?.focus();
      return;
    }
    if (file.size > MAX_DOCUMENT_BYTES) {
      setFileError(UPLOAD_MESSAGES.tooLarge);
      fileInput.current?.focus();
      return;
    }
    const body = new FormData();
    body.set("concerns", values.concerns);
    body.set("typeId", values.typeId);
    body.set("name", values.name ?? "");
    if (earlyChildhoodRequestId) body.set("earlyChildhoodRequestId", earlyChildhoodRequestId);
    body.set("file", file, file.name);
    setProgress(0);
    try {
      const result: UploadResult =
        transport === "uploadthing"
          ? uploadThingSend
            ? await uploadThingSend(values, file, setProgress)
            : { ok: false, error: "Le formulaire n'est pas encore prêt : réessayez dans un instant." }
          : await postWithProgress(body, setProgress);
      if (result.ok) {
        setSuccess(`Votre document « ${file.name} » a bien été envoyé. Le Guichet unique va le vérifier.`);
        setFile(null);
        setFileError(null);
        setValue("typeId", "");
        setValue("name", "");
        if (fileInput.current) fileInput.current.value = "";
        if (cameraInput.current) cameraInput.current.value = "";
        router.refresh();
        return;
      }
      const errorsByField = result.fieldErrors ?? {};
      if (errorsByField.file?.[0]) setFileError(errorsByField.file[0]);
      showServerErrors({ concerns: errorsByField.concerns, typeId: errorsByField.typeId, name: errorsByField.name });
      setFormError(result.error);
    } catch {
      setFormError("L'envoi a échoué. Vérifiez votre connexion internet puis réessayez.");
    } finally {
      setProgress(null);
    }
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    void handleSubmit(send, () => {
      if (!file) setFileError("Choisissez le fichier à envoyer.");
    })(event);
  }

  const sending = progress !== null;
  // The file picker keeps its own layout (a camera button on phones) but the kit's wiring.
  const fileField = useFieldWiring({
    id: `${id}-file`,
    name: "file",
    label: "Fichier",
    error: fileError ?? undefined,
    required: true,
  });

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-5" noValidate aria-busy={sending}>
      {transport === "uploadthing" ? <UploadThingSender onReady={registerSender} /> : null}
      <p className="text-sm text-muted" id={`${id}-intro`}>
        Vous pouvez scanner ou photographier vos justificatifs. Formats acceptés : PDF, JPEG, GIF ou PNG, de 2 Mo maximum. Nommez
        vos documents simplement (exemple : avis d&apos;imposition 2025.pdf).
      </p>

      <SelectField
        id={`${id}-concerns`}
        registration={register("concerns")}
        label="Le document concerne"
        required
        placeholder="— Choisissez —"
        options={[
          { value: FAMILY_SCOPE, label: "La famille" },
          ...choices.children.map((child) => ({ value: child.id, label: child.name })),
        ]}
        error={errors.concerns?.message}
      />

      <SelectField
        id={`${id}-type`}
        registration={register("typeId")}
        label="Type de document"
        required
        disabled={!scope}
        hint={scope ? undefined : <span className="sr-only">La liste des types dépend de la personne concernée.</span>}
        placeholder={scope ? "— Choisissez —" : "Choisissez d'abord qui le document concerne"}
        options={types.map((type) => ({ value: type.id, label: type.label }))}
        error={errors.typeId?.message}
      />
      {typeHelp ? (
        <p className="-mt-3 text-sm text-muted" aria-live="polite">
          {typeHelp}
        </p>
      ) : null}

      <TextField
        id={`${id}-name`}
        registration={register("name")}
        label="Rappelez le nom du document"
        hint={`Facultatif, ${DOCUMENT_NAME_MAX} caractères au plus (exemple : avis d'imposition 2025). Sans nom, le document porte celui du fichier.`}
        error={errors.name?.message}
      />

      <fieldset>
        <legend className="font-semibold">
          Fichier <RequiredMark />
        </legend>
        <label htmlFor={`${id}-file`} className="mt-1 block text-sm">
          Choisir le fichier (PDF, JPEG, GIF ou PNG, 2 Mo maximum)
        </label>
        <input
          ref={fileInput}
          {...fileField.control}
          type="file"
          accept={ACCEPT_ATTRIBUTE}
          onChange={(event) => chooseFile(event.target.files?.[0])}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border-0 file:bg-brand file:px-4 file:py-2 file:font-semibold file:text-white"
        />
        {/* On phones, the camera straight away (the picker above also offers it). */}
        <div className="mt-3 sm:hidden">
          <label
            htmlFor={`${id}-camera`}
            className="inline-block cursor-pointer rounded border border-brand px-4 py-2 font-semibold text-brand focus-within:outline focus-within:outline-3 focus-within:outline-[#f5a300]"
          >
            📷 Prendre une photo du document
            <input
              ref={cameraInput}
              id={`${id}-camera`}
              type="file"
              accept="image/*"
              capture="environment"
              onChange={(event) => chooseFile(event.target.files?.[0])}
              className="sr-only"
            />
          </label>
        </div>
        {file ? (
          <p className="mt-2 text-sm">
            Fichier choisi : <span className="font-semibold">{file.name}</span> ({formatSize(file.size)})
          </p>
        ) : null}
        <FieldError id={fileField.id} error={fileField.error} />
      </fieldset>

      {sending ? (
        <div>
          <label htmlFor={`${id}-progress`} className="block text-sm font-semibold">
            Envoi en cours : {progress} %
          </label>
          <progress id={`${id}-progress`} max={100} value={progress} className="mt-1 h-3 w-full" />
        </div>
      ) : null}

      <div role="alert" className="empty:hidden">
        {formError ? <p className="font-semibold text-accent-dark">{formError}</p> : null}
      </div>
      <div role="status" aria-live="polite" className="empty:hidden">
        {success ? <p className="font-semibold text-green-800">{success}</p> : null}
      </div>

      <SubmitButton pending={sending} label="Envoyer" pendingLabel="Envoi en cours…" />
    </form>
  );
}
