import { FIELD_NAMES } from './receipt-fields';
import type { StoredReceipt } from './types';

/** One receipt per line, every field as stored: re-verifiable and easy to load anywhere. */
export const jsonLine = (receipt: StoredReceipt) => JSON.stringify(receipt) + '\n';

const grants = (choices: { [id: string]: boolean } | null) =>
  choices
    ? Object.keys(choices)
        .sort()
        .map((id) => (choices[id] ? id : '!' + id))
        .join(' ')
    : '';

/**
 * A CSV cell: quoted when needed, and a leading = + - @ (or tab/CR) defused with a quote, so a spreadsheet
 * opening the audit export never runs a formula a visitor's page URL smuggled in.
 */
function cell(value: unknown): string {
  let text = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text;
}

export const csvHeader = () => FIELD_NAMES.join(',') + '\r\n';

/** Grants as "analytics !advertising" (a refused id prefixed with !), as in the consent cookie. */
export function csvLine(receipt: StoredReceipt): string {
  return (
    FIELD_NAMES.map((field) => {
      const value = receipt[field];
      return cell(field === 'categories' || field === 'services' || field === 'consents' ? grants(value as never) : value);
    }).join(',') + '\r\n'
  );
}

export type ExportFormat = 'jsonl' | 'csv';

/** The export as a stream of text chunks, oldest first. */
export async function* exportLines(receipts: AsyncIterable<StoredReceipt>, format: ExportFormat): AsyncGenerator<string> {
  if (format === 'csv') yield csvHeader();
  for await (const receipt of receipts) yield format === 'csv' ? csvLine(receipt) : jsonLine(receipt);
}
