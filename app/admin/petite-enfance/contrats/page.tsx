import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { staffPage } from "@/lib/auth/session";
import { formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { CONTRACT_STATUS_LABELS, listContracts } from "@/lib/early-childhood/contracts";

// « Contrats de crèche » (issue #15 point 4): every contract, the current ones first.

export const metadata: Metadata = { title: "Contrats de crèche" };

export default async function ContractsPage() {
  const viewer = await staffPage();
  const contracts = await listContracts(getDb(), viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="Contrats de crèche" />
      <p className="flex flex-wrap gap-4">
        <Link href="/admin/petite-enfance/facturation" className="text-brand underline">
          Barème PSU
        </Link>
        <Link href="/admin/petite-enfance/attestations" className="text-brand underline">
          Attestations de frais de garde
        </Link>
        <Link href="/admin/facturation" className="text-brand underline">
          Facturation
        </Link>
      </p>
      {contracts.length === 0 ? (
        <p>Aucun contrat : une place acceptée par la famille devient un contrat.</p>
      ) : (
        <div className="overflow-x-auto">
          <DataTable
            className="w-full text-left"
            caption="Contrats"
            look="boxed"
            columns={["Enfant", "Famille", "Crèche", "Du", "Au", "Planning", "État"]}
          >
            {contracts.map((contract) => (
              <tr key={contract.id} className="border-t border-gray-200">
                <td className="p-2">
                  <Link href={`/admin/petite-enfance/contrats/${contract.id}`} className="text-brand underline">
                    {contract.childName}
                  </Link>
                </td>
                <td className="p-2">{contract.familyName}</td>
                <td className="p-2">{contract.crecheName}</td>
                <td className="p-2">{formatDay(contract.startDay)}</td>
                <td className="p-2">{formatDay(contract.endDay)}</td>
                <td className="p-2">{contract.planning}</td>
                <td className="p-2">{CONTRACT_STATUS_LABELS[contract.status]}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </div>
  );
}
