export declare const START: string;
export declare const END: string;
export declare function browserFiles(): string[];
export declare function sriOf(file: string): string;
export declare function sriTable(): string;
