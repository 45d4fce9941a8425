import { forEachNode, parseSource, type AstNode } from './parse-source';
import { at } from './read-loose';
import { MigrateError, type Loose } from './types';

export interface Extracted {
  /** The config object, with only what was written as literals in it. */
  value: Loose;
  /** What was left out (code, references to the page) and where. */
  notes: string[];
}

/**
 * What a function in the file becomes: a function that does nothing, never the file's code. The migration
 * notes every function it meets, with what to use instead.
 */
export const CODE = function codeNotCarriedOver() {};

/** How deep a config may nest, and how many variables a value may go through, before it is refused. */
const MAX_DEPTH = 40;

/** TypeScript wrappers that do not change the value: `x as T`, `x satisfies T`, `x!`, `<T>x`. */
const TYPE_WRAPPERS = new Set([
  'ParenthesizedExpression',
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
]);

const unwrap = (node: AstNode): AstNode => (TYPE_WRAPPERS.has(node.type) ? unwrap(node.expression) : node);

const isFunction = (node: AstNode) => node.type == 'ArrowFunctionExpression' || node.type == 'FunctionExpression';

/**
 * The config object of a JS or TS file, read WITHOUT running it: the file is parsed with acorn (see
 * `parseSource`) and only literal syntax is converted (objects, lists, strings, numbers, booleans, null,
 * regular expressions, and `const`s of the same file that hold such literals). Functions become `CODE`,
 * a stand-in that does nothing; anything that depends on the page at run time (`location.hostname`) is
 * left out, with a note.
 *
 * Looked for, in this order: the argument of `….run(…)` (`CookieConsent.run({...})`) or klaro's `setup(…)`;
 * a variable or `window.` property named `klaroConfig`; `export default {...}` / `module.exports = {...}`;
 * the one variable whose name contains "config".
 */
export function extractConfigObject(text: string, fileName: string): Extracted {
  const program = parseSource(text, fileName);
  const source = (node: AstNode) => text.slice(node.start, node.end);
  const constants = new Map<string, AstNode>();
  const candidates: { rank: number; node: AstNode }[] = [];

  /** The name a call is made by: `run` in `CookieConsent.run(…)`, `setup` in `setup(…)`. */
  const calleeName = (node: AstNode) =>
    node.type == 'Identifier'
      ? node.name
      : node.type == 'MemberExpression' && !node.computed && node.property.type == 'Identifier'
        ? node.property.name
        : '';

  forEachNode(program, (node) => {
    if (node.type == 'VariableDeclarator' && node.id.type == 'Identifier' && node.init) {
      const value = unwrap(node.init);
      constants.set(node.id.name, value);
      if (/^klaroConfig$/i.test(node.id.name)) candidates.push({ rank: 1, node: value });
      else if (/config/i.test(node.id.name) && value.type == 'ObjectExpression') candidates.push({ rank: 4, node: value });
    } else if (node.type == 'CallExpression' && node.arguments.length) {
      const callee = calleeName(unwrap(node.callee));
      if (callee == 'run' || /^(setup|show)$/.test(callee))
        candidates.push({ rank: callee == 'run' ? 0 : 2, node: unwrap(node.arguments[0]) });
    } else if (node.type == 'AssignmentExpression' && node.operator == '=') {
      const target = source(node.left).replace(/\s+/g, '');
      if (/(^|\.)klaroConfig$/.test(target)) candidates.push({ rank: 1, node: unwrap(node.right) });
      else if (target == 'module.exports') candidates.push({ rank: 3, node: unwrap(node.right) });
    } else if (node.type == 'ExportDefaultDeclaration' || node.type == 'TSExportAssignment') {
      const value = node.declaration ?? node.expression;
      if (value) candidates.push({ rank: 3, node: unwrap(value) });
    }
  });

  const resolve = (node: AstNode, seen = new Set<string>()): AstNode => {
    if (node.type == 'Identifier' && constants.has(node.name) && !seen.has(node.name))
      return resolve(constants.get(node.name)!, seen.add(node.name));
    return node;
  };
  const found = candidates
    .map((candidate) => ({ ...candidate, node: resolve(candidate.node) }))
    .filter((candidate) => candidate.node.type == 'ObjectExpression')
    .sort((a, b) => a.rank - b.rank);
  if (!found.length) {
    throw new MigrateError(
      `${fileName}: no config object found: expected CookieConsent.run({...}), var klaroConfig = {...}, export default {...}, or JSON`,
    );
  }

  const notes: string[] = [];
  const note = (path: string, message: string) => notes.push(`${path || 'config'}: ${message}`);
  const snippet = (node: AstNode) => {
    const code = source(node).replace(/\s+/g, ' ');
    return code.length > 60 ? code.slice(0, 57) + '...' : code;
  };

  /** The value of a literal node; `skip` for what is left out (already noted). */
  const skip = Symbol('skip');
  const literal = (input: AstNode, path: string, depth: number, seen: Set<string>): unknown => {
    if (depth > MAX_DEPTH) return (note(path, 'nested too deeply: left out'), skip);
    const node = unwrap(input);
    switch (node.type) {
      case 'ObjectExpression': {
        const out: Loose = {};
        for (const property of node.properties as AstNode[]) {
          if (property.type == 'SpreadElement') {
            note(path, `spread ${snippet(property)} is code: left out`);
            continue;
          }
          if (property.kind == 'get' || property.kind == 'set') {
            note(path, `${snippet(property)}: a getter or setter is code: left out`);
            continue;
          }
          const key = propertyKey(property);
          if (key == null) {
            note(path, `computed key [${snippet(property.key)}] is code: left out`);
            continue;
          }
          const where = at(path, key);
          if (key == '__proto__') {
            note(where, 'left out');
            continue;
          }
          if (property.method) {
            out[key] = CODE;
            continue;
          }
          const value = literal(property.value, where, depth + 1, seen);
          if (value !== skip) out[key] = value;
        }
        return out;
      }
      case 'ArrayExpression': {
        const out: unknown[] = [];
        (node.elements as (AstNode | null)[]).forEach((element, index) => {
          if (!element) return; // a hole: `[1, , 2]`
          if (element.type == 'SpreadElement') return void note(at(path, index), `spread ${snippet(element)} is code: left out`);
          const value = literal(element, at(path, index), depth + 1, seen);
          if (value !== skip) out.push(value);
        });
        return out;
      }
      case 'Literal':
        if (node.regex) {
          try {
            // Only built, never run against anything here: the migration reads its source and flags.
            return new RegExp(node.regex.pattern, node.regex.flags);
          } catch {
            return (note(path, `regular expression ${snippet(node)} is not valid: left out`), skip);
          }
        }
        if (node.bigint != null) return (note(path, `${snippet(node)} is a BigInt, not a JSON number: left out`), skip);
        return node.value;
      case 'UnaryExpression': {
        const operand = unwrap(node.argument);
        if ((node.operator == '-' || node.operator == '+') && operand.type == 'Literal' && typeof operand.value == 'number') {
          return node.operator == '-' ? -operand.value : operand.value;
        }
        break;
      }
      case 'TemplateLiteral':
      case 'BinaryExpression': {
        if (node.type == 'BinaryExpression' && node.operator != '+') break;
        const parts: (string | AstNode)[] =
          node.type == 'TemplateLiteral'
            ? (node.quasis as AstNode[]).flatMap((quasi, index) => [
                quasi.value.cooked ?? '',
                ...(index < node.expressions.length ? [node.expressions[index]] : []),
              ])
            : [node.left, node.right];
        const values = parts.map((part) => (typeof part == 'string' ? part : literal(part, path, depth + 1, seen)));
        if (!values.every((part) => typeof part == 'string' || typeof part == 'number')) return skip;
        // `+` as JavaScript does it: a sum of numbers, else text.
        return values.every((part) => typeof part == 'number') ? (values as number[]).reduce((a, b) => a + b) : values.join('');
      }
      case 'Identifier': {
        if (node.name == 'undefined') return skip;
        const value = constants.get(node.name);
        if (value && !seen.has(node.name)) return literal(value, path, depth + 1, new Set(seen).add(node.name));
        return (note(path, `the variable ${node.name} is not a literal in this file: left out`), skip);
      }
      case 'MemberExpression':
        return (note(path, `${snippet(node)} is read from the page at run time: left out, give a fixed value`), skip);
    }
    // Kept as a stand-in so the migration sees the option was set (and says what to use instead).
    if (isFunction(node)) return CODE;
    return (note(path, `${snippet(node)} is code, not a literal: left out`), skip);
  };

  /** A property's key as text; undefined for a computed one (`[key]: …`), which is code. */
  function propertyKey(property: AstNode): string | undefined {
    if (property.computed) return undefined;
    const key = property.key as AstNode;
    if (key.type == 'Identifier' || key.type == 'PrivateIdentifier') return key.name;
    if (key.type == 'Literal' && typeof key.value == 'string') return key.value;
    if (key.type == 'Literal' && typeof key.value == 'number') return String(key.value);
    return undefined;
  }

  return { value: literal(found[0].node, '', 0, new Set()) as Loose, notes };
}
