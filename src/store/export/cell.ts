/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is read by Excel, LibreOffice and Google Sheets as a formula, and article text is written by
 * strangers. Text cells that start so are prefixed with `'`, which spreadsheets show as text and do not display.
 * Numeric columns are written by sitrep itself, never from article text, and are left as numbers (a GDELT
 * GoldsteinScale of -4.0 stays a number).
 */
export function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
