import { Panel } from "@/components/ui/panel";
import { formatAmount } from "@/lib/billing/invoice-state";

/** « Attestations de frais de garde » at the foot of « Mes factures »: the family's certificates, newest year first. */
export function CertificateFamilyList({
  certificates,
}: {
  certificates: { id: string; number: string; year: number; childName: string; amountCents: number }[];
}) {
  return (
    <Panel title="Attestations de frais de garde">
      <div className="space-y-3">
        <p className="text-sm">
          Pour le crédit d&apos;impôt des frais de garde des enfants de moins de 6 ans : les sommes payées dans l&apos;année pour
          la crèche et les accueils éligibles, repas exclus. L&apos;attestation d&apos;une année est disponible à partir du 1er
          janvier suivant.
        </p>
        {certificates.length === 0 ? (
          <p>Aucune attestation.</p>
        ) : (
          <ul className="space-y-2">
            {certificates.map((certificate) => (
              <li key={certificate.id}>
                <a href={`/api/attestations/${certificate.id}/pdf`} className="text-brand underline">
                  Attestation {certificate.year} – {certificate.childName} ({certificate.number})
                </a>{" "}
                – {formatAmount(certificate.amountCents)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Panel>
  );
}
