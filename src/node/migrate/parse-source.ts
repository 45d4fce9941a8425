import { tsPlugin } from '@sveltejs/acorn-typescript';
import { Parser, type Options } from 'acorn';
import { MigrateError } from './types';

/**
 * An ESTree node as acorn (and its TypeScript plugin) builds it. Loosely typed on purpose: the reader
 * looks at a handful of node types and treats every other one as "code".
 */
export interface AstNode {
  type: string;
  start: number;
  end: number;
  [field: string]: any;
}

const OPTIONS: Options = { ecmaVersion: 'latest', locations: true, allowHashBang: true, allowReturnOutsideFunction: true };

// Built once, on first use: the TypeScript plugin is the larger part of the migrate chunk.
let typeScriptParser: typeof Parser | undefined;
let typeScriptJsxParser: typeof Parser | undefined;

/**
 * The syntax tree of a config file, parsed with acorn, which the CLI carries inside its own build: no
 * TypeScript compiler is loaded, so a project's TypeScript version (or none) does not matter.
 * `.ts`/`.mts`/`.cts`/`.tsx` files (and `.jsx`) go through @sveltejs/acorn-typescript, which reads type
 * annotations, `as`, `satisfies` and `!` without checking them. A JavaScript file is read as a module, then
 * as a classic script (`with`, legacy octal literals), then as TypeScript (type annotations in a `.js`).
 */
export function parseSource(text: string, fileName: string): AstNode {
  const typed = /\.[cm]?tsx?$/i.test(fileName);
  const jsx = /\.[jt]sx$/i.test(fileName);
  const typeScript = () => {
    const parser = jsx
      ? (typeScriptJsxParser ||= Parser.extend(tsPlugin({ jsx: true })))
      : (typeScriptParser ||= Parser.extend(tsPlugin()));
    return parser.parse(text, { ...OPTIONS, sourceType: 'module' });
  };
  const javaScript = (sourceType: Options['sourceType']) => () => Parser.parse(text, { ...OPTIONS, sourceType });
  const attempts = typed || jsx ? [typeScript] : [javaScript('module'), javaScript('script'), typeScript];
  let first: unknown;
  for (const attempt of attempts) {
    try {
      return attempt() as unknown as AstNode;
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      first ??= error;
    }
  }
  // The first attempt's message (acorn's, ending "(line:column)") is the one that fits the file's name.
  throw new MigrateError(`${fileName}: cannot read it as ${typed ? 'TypeScript' : 'JavaScript'}: ${(first as Error).message}`);
}

/** Every node under `node` (itself included), depth first, in source order. */
export function forEachNode(node: AstNode, visit: (node: AstNode) => void): void {
  visit(node);
  for (const key in node) {
    if (key == 'loc') continue;
    const child = node[key];
    if (Array.isArray(child)) {
      for (const item of child) if (isNode(item)) forEachNode(item, visit);
    } else if (isNode(child)) forEachNode(child, visit);
  }
}

const isNode = (value: unknown): value is AstNode => !!value && typeof value == 'object' && typeof (value as AstNode).type == 'string';
