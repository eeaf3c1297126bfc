// RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they must be, quotes doubled.

export type CsvCell = string | number | boolean | null

// Spreadsheets run a cell that starts with = + - @ (or a tab/CR) as a formula; EM text (job names, failure
// messages) is not ours to trust, so such text gets a leading apostrophe (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/

function field(cell: CsvCell): string {
  if (cell === null) return ''
  const text = typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : String(cell)
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** Rows (the first usually the header) → CSV text, CRLF after every row. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(field).join(',')}\r\n`).join('')
}
