/** Replaced at build time with package.json's version. */
declare const __VERSION__: string;
