"use client";

import type { ComponentProps } from "react";
import { useFieldError } from "@/components/admin/action-form";
import { TextField } from "@/components/ui/text-field";

/** A TextField inside an ActionForm, showing the error of the form's last submission. */
export function FormTextField(props: Omit<ComponentProps<typeof TextField>, "error">) {
  const error = useFieldError(props.name);
  return <TextField {...props} error={error} />;
}
