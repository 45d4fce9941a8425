/** Types for receipt-shape.mjs, for the TypeScript tests. */
export function readReceipt(value: unknown): { receipt: Record<string, unknown> } | { error: string };
