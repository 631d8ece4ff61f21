import { Panel } from "@/components/ui/panel";
import type { ParentViewer } from "@/lib/auth/session";

/** PIÈCES JUSTIFICATIVES À FOURNIR — owned by the documents issue. */
export async function DocumentsBlock({ viewer }: { viewer: ParentViewer }) {
  void viewer;
  return (
    <Panel title="Pièces justificatives à fournir">
      <p className="text-muted">Mes documents : aucun document transmis.</p>
    </Panel>
  );
}
