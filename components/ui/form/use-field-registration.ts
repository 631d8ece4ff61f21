"use client";

import { get, type FieldPath, type FieldValues, type UseFormReturn } from "react-hook-form";

/**
 * A react-hook-form form's field as every kit field takes it, its registration and its error:
 * `<TextField {...field("email")} label="Identifiant" />`.
 */
export function useFieldRegistration<T extends FieldValues>({ register, formState }: UseFormReturn<T>) {
  const { errors } = formState;
  return (name: FieldPath<T>) => ({
    registration: register(name),
    error: (get(errors, name) as { message?: string } | undefined)?.message,
  });
}
