import type { Metadata } from "next";
import Link from "next/link";

import { CertificateGenerateForm } from "@/components/early-childhood/certificate-generate-form";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { staffPage } from "@/lib/auth/session";
import { formatAmount } from "@/lib/billing/invoice-state";
import * as clock from "@/lib/clock";
import { formatDateTime } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { listCertificates } from "@/lib/early-childhood/certificates";
import type { TSearchParams } from "@/lib/http/url-params";

import { generateCertificatesAction } from "./actions";

// « Attestations de frais de garde » (issue #15 point 6): staff generate a year's certificates at
// once (only the missing ones) and see them; families download theirs from « Mes factures ».

export const metadata: Metadata = { title: "Attestations de frais de garde" };

export default async function CertificatesPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const viewer = await staffPage();
  const params = await searchParams;
  const lastYear = Number(clock.today().slice(0, 4)) - 1;
  const asked = Number(typeof params.annee === "string" ? params.annee : NaN);
  const year = Number.isInteger(asked) && asked >= 2020 && asked <= lastYear ? asked : lastYear;
  const certificates = await listCertificates(getDb(), viewer, year);
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Attestations de frais de garde ${year}`}
        back={{ href: "/admin/petite-enfance/contrats", label: "Contrats de crèche" }}
      />
      <p>
        Pour chaque enfant de moins de 6 ans au 1er janvier {year} : les sommes effectivement payées en {year} pour sa garde
        (crèche, et garderie ou accueil de loisirs quand l&apos;activité est éligible), repas exclus. Les familles les
        téléchargent depuis « Mes factures ».
      </p>
      <p className="flex flex-wrap gap-3">
        {[lastYear, lastYear - 1, lastYear - 2].map((candidate) => (
          <Link
            key={candidate}
            href={`/admin/petite-enfance/attestations?annee=${candidate}`}
            aria-current={candidate === year ? "page" : undefined}
            className="text-brand underline"
          >
            {candidate}
          </Link>
        ))}
      </p>
      <CertificateGenerateForm action={generateCertificatesAction} year={year} />
      {certificates.length === 0 ? (
        <p>Aucune attestation pour {year}.</p>
      ) : (
        <div className="overflow-x-auto">
          <DataTable
            className="w-full text-left"
            caption={`${certificates.length} attestation${certificates.length > 1 ? "s" : ""} ${year}`}
            look="boxed"
            columns={["Numéro", "Enfant", "Famille", "Montant", "Établie le", "PDF"]}
          >
            {certificates.map((certificate) => (
              <tr key={certificate.id} className="border-t border-gray-200">
                <td className="p-2">{certificate.number}</td>
                <td className="p-2">{certificate.childName}</td>
                <td className="p-2">{certificate.billingName}</td>
                <td className="p-2">{formatAmount(certificate.amountCents)}</td>
                <td className="p-2">{formatDateTime(certificate.issuedAt)}</td>
                <td className="p-2">
                  <a href={`/api/attestations/${certificate.id}/pdf`} className="text-brand underline">
                    Télécharger<span className="sr-only"> l&apos;attestation {certificate.number}</span>
                  </a>
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </div>
  );
}
