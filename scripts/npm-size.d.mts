export declare function measureNpmBuild(): Promise<{ start: number; ui: number; unsplit: number }>;
