import { Panel } from "@/components/ui/panel";
import type { ParentViewer } from "@/lib/auth/session";

/** ACCUEIL DE LOISIRS / PÉRISCOLAIRE / RESTAURATION / JEUNESSE / SPORTS VACANCES — owned by the reservations issue. */
export async function ReservationsBlock({ viewer }: { viewer: ParentViewer }) {
  void viewer;
  return (
    <Panel title="Accueil de loisirs / Périscolaire / Restauration / Jeunesse / Sports vacances">
      <p className="text-muted">Aucune réservation pour le moment.</p>
    </Panel>
  );
}
