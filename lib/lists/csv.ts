// CSV as French spreadsheet software opens it: UTF-8 with a BOM (or accents break), `;` as the
// separator (`,` is the decimal mark), CRLF line ends, fields quoted when they need it.
const NEEDS_QUOTES = /[";\r\n]/;

// OWASP "CSV Injection": a cell starting with one of these is read as a formula by Excel or
// LibreOffice (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3`…), and names, classes and contacts come from
// parents. Such a cell gets a leading `'` so it is shown as text. `-` too, even for a number: our
// lists hold no negative numbers, and one rule for every cell leaves nothing to get wrong.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null | undefined): string {
  const raw = value === null || value === undefined ? "" : String(value);
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return NEEDS_QUOTES.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvField).join(";")).join("\r\n") + "\r\n";
}
