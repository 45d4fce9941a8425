export const POSTGRES_BIN: string | null;
/** Why PostgreSQL tests cannot run here ('' when they can). */
export const POSTGRES_MISSING: string;
export interface PostgresServer {
  url: string;
  /** Stops without a clean shutdown (like a crash) when `immediate`. */
  stop(immediate?: boolean): void;
}
export function startPostgres(): Promise<PostgresServer>;
