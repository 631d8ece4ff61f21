"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type PathValue, type Resolver } from "react-hook-form";

import { useServerFieldErrors } from "@/components/ui/form/use-server-field-errors";
import type { ActionResult } from "@/lib/auth/action";
import type { TSaveOutcome, TStaleSave } from "@/lib/families/record-version";
import { INVALID_FORM_MESSAGE } from "@/lib/validation/form-data";

export type SaveStatus = { error?: string; success?: string } | null;

/** The form's values without its version and baseline: what a refusal compares field by field. */
function baseline(values: object): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { version, loaded, ...rest } = values as Record<string, unknown>;
  return rest;
}

/**
 * The save of a record that others may edit meanwhile (family record, child sheet): posts the
 * values with the record as stored at the form's version (loaded, then as last saved), so that a
 * refusal can name the fields someone else changed; a refused save keeps what was typed and the
 * next one is made, deliberately, on the version that refused it.
 */
function useVersionedSave<TInput>({
  defaultValues,
  action,
  setVersion,
  showServerErrors,
  successMessage,
}: {
  defaultValues: object;
  action: (input: TInput) => Promise<ActionResult<TSaveOutcome>>;
  setVersion: (version: number) => void;
  showServerErrors: (fieldErrors: Record<string, string[]> | undefined) => void;
  successMessage: string;
}) {
  const router = useRouter();
  const [status, setStatus] = useState<SaveStatus>(null);
  const [stale, setStale] = useState<TStaleSave | null>(null);
  const [loaded, setLoaded] = useState(() => baseline(defaultValues));

  async function save(values: object) {
    setStatus(null);
    setStale(null);
    const result = await action({ ...values, loaded } as TInput);
    if (!result.ok) {
      showServerErrors(result.fieldErrors);
      setStatus({ error: result.error });
      return;
    }
    if (result.data.saved) {
      setVersion(result.data.version);
      setLoaded(baseline(values));
      setStatus({ success: successMessage });
      router.refresh();
      return;
    }
    setVersion(result.data.stale.version);
    setStale(result.data.stale);
  }

  /** The browser's own check refused the form: its fields say why. */
  const refuse = () => setStatus({ error: INVALID_FORM_MESSAGE });

  return { status, stale, save, refuse };
}

/**
 * A react-hook-form form of such a record: the browser checks the values with the schema's
 * resolver, the save goes through useVersionedSave, the server's field errors reach the fields.
 */
export function useVersionedForm<TInput extends FieldValues, TParsed extends FieldValues>({
  resolver,
  defaultValues,
  action,
  successMessage,
}: {
  resolver: Resolver<TInput, unknown, TParsed>;
  defaultValues: TInput;
  action: (input: TInput) => Promise<ActionResult<TSaveOutcome>>;
  successMessage: string;
}) {
  const form = useForm<TInput, unknown, TParsed>({ resolver, defaultValues: defaultValues as DefaultValues<TInput> });
  const showServerErrors = useServerFieldErrors(form.setError);
  const save = useVersionedSave({
    defaultValues,
    action,
    // Every versioned record's form holds its version in a hidden "version" field.
    setVersion: (version) => form.setValue("version" as Path<TInput>, version as PathValue<TInput, Path<TInput>>),
    showServerErrors,
    successMessage,
  });
  return { ...form, ...save };
}
