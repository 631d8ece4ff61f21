// CSV as French spreadsheet software opens it: UTF-8 with a BOM (or accents break), `;` as the
// separator (`,` is the decimal mark), CRLF line ends, fields quoted when they need it.
const NEEDS_QUOTES = /[";\r\n]/;

export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  return NEEDS_QUOTES.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvField).join(";")).join("\r\n") + "\r\n";
}
