import { Panel } from "@/components/ui/panel";

/** PETITE ENFANCE (SPEC §7): Inscriptions, Historique réservations, Enfant / Inscription / Planning. */
export function EarlyChildhoodBlock() {
  return (
    <Panel title="Petite enfance">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Inscriptions en crèche</caption>
        <thead>
          <tr className="border-b border-gray-300">
            <th scope="col" className="py-2">
              Enfant
            </th>
            <th scope="col" className="py-2">
              Inscription
            </th>
            <th scope="col" className="py-2">
              Planning
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td colSpan={3} className="py-3 text-muted">
              Aucun élément
            </td>
          </tr>
        </tbody>
      </table>
    </Panel>
  );
}
