"use client";

import { ActionForm, type FormDataAction } from "@/components/admin/action-form";
import { ZCertificateGenerationSchema } from "@/lib/early-childhood/certificates.schema";

/** « Générer les attestations » of a year, after confirmation: only the missing ones are added. */
export function CertificateGenerateForm({ action, year }: { action: FormDataAction; year: number }) {
  return (
    <ActionForm
      action={action}
      schema={ZCertificateGenerationSchema}
      submitLabel={`Générer les attestations ${year}`}
      confirmMessage={`Générer les attestations de frais de garde de ${year} ? Les attestations déjà établies ne changent pas.`}
      successMessage="Attestations générées."
      hiddenFields={{ year }}
    />
  );
}
