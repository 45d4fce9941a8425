/** Types for the part of views.mjs the TypeScript tests use. */
export function receiptRowsView(
  texts: { [key: string]: string },
  receipts: Array<{ receivedAt: unknown; receipt: { [field: string]: unknown } }>,
): string;
