"use client";

import { CheckboxField } from "@/components/ui/form/choice-fields";

/** A catalogue record's « actif » box, ticked by default: once unticked, families are no longer offered the record. */
export function ActiveField({ label, hint, active }: { label: string; hint: string; active?: boolean }) {
  return <CheckboxField name="active" label={label} defaultChecked={active ?? true} hint={hint} />;
}
