import { DOCUMENT_STATUS_LABELS } from "@/lib/documents/status-labels";

const STYLES = {
  SUBMITTED: "bg-amber-100 text-amber-900",
  ACCEPTED: "bg-green-100 text-green-900",
  REFUSED: "bg-red-100 text-red-900",
} as const;

/** transmis / accepté / refusé (+ the reason). */
export function DocumentStatus({ status, refusalReason }: { status: keyof typeof STYLES; refusalReason: string | null }) {
  return (
    <span>
      <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${STYLES[status]}`}>
        {DOCUMENT_STATUS_LABELS[status]}
      </span>
      {status === "REFUSED" && refusalReason ? <span className="mt-1 block text-sm">Motif : {refusalReason}</span> : null}
    </span>
  );
}
