"use client";

import type { UseFormRegisterReturn } from "react-hook-form";

import { RequiredFieldsNote } from "@/components/ui/form/field";
import type { TStaleSave } from "@/lib/families/record-version";

import { StaleSaveNotice } from "./stale-save-notice";

/** The frame of a versioned record's form (family record, child sheet): its version, the refusal of a stale save, the required-fields note. */
export function VersionedForm({
  onSubmit,
  version,
  stale,
  children,
}: {
  onSubmit: React.FormEventHandler<HTMLFormElement>;
  version: UseFormRegisterReturn;
  stale: TStaleSave | null;
  children: React.ReactNode;
}) {
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-6">
      <input type="hidden" {...version} />
      {/* Above the fields it asks to check again; focused when it appears. */}
      {stale ? <StaleSaveNotice stale={stale} /> : null}
      <RequiredFieldsNote />
      {children}
    </form>
  );
}
