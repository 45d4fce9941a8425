/**
 * consentry/receipts: the consent log. Stores the receipts the SDK posts (GDPR art. 7(1): being able to
 * demonstrate consent), chained so that edits and deletions show, with look-up, export, retention and a
 * small admin page. PGlite (embedded) or PostgreSQL; both drivers are optional peer dependencies.
 */
export { openReceiptStore, type OpenStoreOptions } from './open-store';
export { createReceiptStore, type ReceiptStore, type ReceiptStoreOptions } from './receipt-store';
export { createReceiptsService, retentionCutoff, type ReceiptsService, type ReceiptsServiceOptions } from './receipts-service';
export { receiptsHandler, receiptsMiddleware, type NodeAdapterOptions } from './node-adapter';
export { fastifyReceipts, type FastifyReceiptsOptions } from './fastify';
export { receiptsFetchHandler, type FetchHandlerOptions } from './fetch-handler';
export { openPGlite } from './pglite-database';
export { openPostgres, type PostgresConnection } from './postgres-database';
export { MIGRATIONS } from './migrations';
export { canonicalRow, createChainHasher } from './chain';
export { validateReceipt, ReceiptError } from './validate-receipt';
export { truncateAddress } from './client-address';
export { csvHeader, csvLine, jsonLine, exportLines, type ExportFormat } from './export-formats';
export type { SqlDatabase, SqlSession } from './sql-database';
export type { ServiceRequest, ServiceResponse } from './http-types';
export type { RateLimitOptions } from './rate-limit';
export type { WriteQueueOptions } from './write-queue';
export type { PruneResult, ReceiptQuery, ReceiptRow, StoredReceipt, VerifyProblem, VerifyReport } from './types';
