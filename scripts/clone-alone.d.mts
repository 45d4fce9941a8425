export declare function cloneAlone(repo: string): { dir: string; remove: () => void };
