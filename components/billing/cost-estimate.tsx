import { estimateCost, type EstimatePricing } from "@/lib/billing/estimate";
import { formatAmount } from "@/lib/billing/invoice-state";

/**
 * The booking recap's « Coût estimé » (issue #14 point 8): per unit « 4 journées × 3,50 € =
 * 14,00 € », the total, and on what it rests (the family's QF and bracket today).
 */
export function CostEstimate({
  pricing,
  units,
  days,
}: {
  pricing: EstimatePricing;
  units: readonly { id: string; label: string }[];
  days: readonly { unitId: string }[];
}) {
  const estimate = estimateCost(pricing, units, days);
  if (estimate.lines.length === 0) return null;
  return (
    <section aria-labelledby="cout-estime" className="space-y-2 rounded-lg bg-white p-4 shadow" data-testid="cout-estime">
      <h2 id="cout-estime" className="text-lg font-bold text-brand">
        Coût estimé
      </h2>
      <ul className="space-y-1">
        {estimate.lines.map((line) => (
          <li key={line.unitId}>
            <span className="font-semibold">{line.unitLabel}</span> : {line.text}
          </li>
        ))}
      </ul>
      <p className="text-lg">
        Total estimé : <strong>{formatAmount(estimate.totalCents)}</strong>
        {estimate.incomplete ? <span className="text-sm"> (hors journées dont le tarif n&apos;est pas renseigné)</span> : null}
      </p>
      <p className="text-sm text-muted">{estimate.basis}</p>
    </section>
  );
}
