import { DataTable } from "@/components/ui/data-table";
import { PageSizeChoice } from "@/components/ui/page-size-choice";
import { Panel } from "@/components/ui/panel";

/** PETITE ENFANCE (SPEC §7): Inscriptions, Historique réservations, Enfant / Inscription / Planning. */
export function EarlyChildhoodBlock({ pageSize }: { pageSize: number }) {
  return (
    <Panel title="Petite enfance">
      <DataTable
        className="w-full text-left text-sm"
        caption="Inscriptions en crèche"
        look="ruled"
        columns={["Enfant", "Inscription", "Planning"]}
      >
        <tr>
          <td colSpan={3} className="py-3 text-muted">
            Aucun élément
          </td>
        </tr>
      </DataTable>
      <div className="mt-2 text-sm">
        <PageSizeChoice pageSize={pageSize} total={0} returnTo="/espace" />
      </div>
    </Panel>
  );
}
