// PayFiP's rules on the fields of creerPaiementSecurise (the web service refuses anything else
// with a FonctionnelleErreur), checked and normalised before we call it. Pure: the client, the
// start of a payment and the stand-in share them; unit-tested in validation.test.ts.

export type Saisie = "T" | "X" | "W";

export const SAISIE_VALUES: readonly Saisie[] = ["T", "X", "W"];

/** The amount in cents, as PayFiP wants it: digits only, no separator (1 400 → "1400"). */
export function montantText(cents: number): string {
  if (!Number.isInteger(cents) || cents <= 0) throw new RangeError(`montant invalide : ${cents}`);
  return String(cents);
}

/** A montant as PayFiP writes it back (digits) → cents, or null when it is not one. */
export function parseMontant(text: string | undefined | null): number | null {
  if (!text || !/^\d{1,12}$/.test(text.trim())) return null;
  return Number(text.trim());
}

/** refdet: the invoice reference (lib/billing/invoice-number.ts invoiceReference), letters and digits, 6 to 30. */
export function isValidRefdet(refdet: string): boolean {
  return /^[A-Za-z0-9]{6,30}$/.test(refdet);
}

/** objet: accents stripped, only [A-Za-z0-9 ], spaces collapsed, at most 100 characters. */
export function normaliseObjet(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[œŒæÆ]/g, (ligature) => ({ œ: "oe", Œ: "OE", æ: "ae", Æ: "AE" })[ligature] ?? "")
    .replace(/['’-]/g, " ")
    .replace(/[^A-Za-z0-9 ]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100)
    .trim();
}

/** mel: 6 to 80 characters with an @ (PayFiP's own check; our addresses are already valid). */
export function isValidMel(mel: string): boolean {
  return mel.length >= 6 && mel.length <= 80 && /^[^\s@]+@[^\s@]+$/.test(mel);
}

export function isSaisie(value: string): value is Saisie {
  return (SAISIE_VALUES as readonly string[]).includes(value);
}

/** numcli: the régie's PayFiP client number, 6 digits kept as text. */
export function isValidNumcli(numcli: string): boolean {
  return /^\d{6}$/.test(numcli);
}

/** exer: the financial year, 4 digits. */
export function isValidExer(exer: number | string): boolean {
  return /^\d{4}$/.test(String(exer));
}

/** urlnotif / urlredirect: absolute http(s) addresses, at most 250 characters. */
export function isAbsoluteHttpUrl(url: string): boolean {
  if (url.length > 250) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}

/** dattrans (DDMMYYYY) and heurtrans (HHMM), Paris time, as an instant; null when unreadable. */
export function parisTransactionInstant(dattrans: string | undefined, heurtrans: string | undefined): Date | null {
  const day = /^(\d{2})(\d{2})(\d{4})$/.exec(dattrans?.trim() ?? "");
  const time = /^(\d{2})(\d{2})$/.exec(heurtrans?.trim() ?? "");
  if (!day || !time) return null;
  const [, dd, mm, yyyy] = day;
  const [, hh, mi] = time;
  if (Number(mm) < 1 || Number(mm) > 12 || Number(dd) < 1 || Number(dd) > 31 || Number(hh) > 23 || Number(mi) > 59) return null;
  // The offset of Paris at that wall-clock time: try both (+01:00 winter, +02:00 summer) and keep
  // the one whose Paris rendering gives back the same wall clock.
  for (const offset of ["+01:00", "+02:00"]) {
    const candidate = new Date(`${yyyy}-${mm}-${dd}T${hh}:${mi}:00${offset}`);
    if (Number.isNaN(candidate.getTime())) return null;
    if (parisWallClock(candidate) === `${dd}${mm}${yyyy} ${hh}${mi}`) return candidate;
  }
  return null;
}

/** « DDMMYYYY HHMM » of an instant in Paris (the stand-in writes dattrans/heurtrans with it). */
export function parisWallClock(instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("fr-FR", {
      timeZone: "Europe/Paris",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}${parts.month}${parts.year} ${parts.hour}${parts.minute}`;
}
