/** The gzip budget of the loader-tier tables together, in bytes. */
export declare const LOADER_TABLES_BUDGET: number;
/** The repository folder where a generated table (by file name) is checked in. */
export declare function homeOf(file: string): string;
