// CSV as French spreadsheet software opens it: UTF-8 with a BOM (or accents break), `;` as the
// separator (`,` is the decimal mark), CRLF line ends, fields quoted when they need it.
const NEEDS_QUOTES = /[";\r\n]/;

// OWASP "CSV Injection": a cell starting with one of these is read as a formula by Excel or
// LibreOffice (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3`…), and names, classes and contacts come from
// parents. Such a cell gets a leading `'` so it is shown as text. `-` too, except for a cell that
// is nothing but a negative number written the French way (« -12,50 », a credit note's amount in
// the accounting export): a spreadsheet reads it as a number, there is no formula in it.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEGATIVE_NUMBER = /^-\d+(?:,\d+)?$/;

export function csvField(value: string | number | null | undefined): string {
  const raw = value === null || value === undefined ? "" : String(value);
  const text = FORMULA_START.test(raw) && !NEGATIVE_NUMBER.test(raw) ? `'${raw}` : raw;
  return NEEDS_QUOTES.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvField).join(";")).join("\r\n") + "\r\n";
}
