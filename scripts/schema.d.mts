export declare const SCHEMA_PATH: URL;
export declare function renderSchema(): Promise<string>;
