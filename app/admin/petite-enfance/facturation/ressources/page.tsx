import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { PsuResourcesForm } from "@/components/early-childhood/psu-resources-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { formatEuros } from "@/lib/catalogue/unit-rules";
import * as clock from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { getFamilyResources } from "@/lib/early-childhood/psu-values";
import { parseId, type TSearchParams } from "@/lib/http/url-params";

import { setFamilyResourcesAction } from "../actions";

// A family's resources for a year's PSU rate (issue #15 point 5), opened from a contract's page
// (?famille=…&annee=…&contrat=…, back to the contract once saved) or from « Barème PSU ».

export const metadata: Metadata = { title: "Ressources PSU d'une famille" };

export default async function FamilyResourcesPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const viewer = await staffPage();
  const params = await searchParams;
  const familyId = parseId(params.famille);
  const contractId = parseId(params.contrat);
  const asked = Number(typeof params.annee === "string" ? params.annee : NaN);
  const year = Number.isInteger(asked) && asked >= 2020 && asked <= 2100 ? asked : Number(clock.today().slice(0, 4));
  const back = contractId
    ? { href: `/admin/petite-enfance/contrats/${contractId}`, label: "Contrat de crèche" }
    : { href: "/admin/petite-enfance/facturation", label: "Barème PSU" };
  if (!familyId) {
    return (
      <div className="max-w-2xl space-y-4">
        <PageHeader title="Ressources PSU d'une famille" back={back} />
        <p>
          Ouvrez ce formulaire depuis la page d&apos;un{" "}
          <Link href="/admin/petite-enfance/contrats" className="text-brand underline">
            contrat de crèche
          </Link>
          .
        </p>
      </div>
    );
  }
  const data = await getFamilyResources(getDb(), viewer, familyId, year);
  if (!data) notFound();
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title={`Ressources PSU ${year} – famille ${data.family.name}`} back={back} />
      <Panel title="Ressources">
        <PsuResourcesForm
          action={setFamilyResourcesAction}
          familyId={familyId}
          year={year}
          contractId={contractId}
          defaults={{
            annualResources: data.resources ? formatEuros(data.resources.annualResourcesCents) : "",
            dependentChildren: data.resources?.dependentChildren ?? "",
            aeeh: data.resources?.aeeh ?? false,
          }}
        />
      </Panel>
    </div>
  );
}
