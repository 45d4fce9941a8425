export declare const BUDGETS: { loader: number; firstVisit: number; firstVisitRaw: number; languagePack: number };
export declare function measure(): { files: string[]; sizes: { [file: string]: number }; checks: Array<[string, number, number]> };
