import type * as TS from 'typescript';
import { at } from './read-loose';
import { MigrateError, type Loose } from './types';

export interface Extracted {
  /** The config object, with only what was written as literals in it. */
  value: Loose;
  /** What was left out (code, references to the page) and where. */
  notes: string[];
}

type Ts = typeof TS;

/**
 * What a function in the file becomes: a function that does nothing, never the file's code. The migration
 * notes every function it meets, with what to use instead.
 */
export const CODE = function codeNotCarriedOver() {};

/** How deep a config may nest, and how many variables a value may go through, before it is refused. */
const MAX_DEPTH = 40;

/**
 * The config object of a JS or TS file, read WITHOUT running it: the file is parsed with the TypeScript
 * compiler and only literal syntax is converted (objects, lists, strings, numbers, booleans, null, regular
 * expressions, and `const`s of the same file that hold such literals). Functions become `CODE`, a stand-in
 * that does nothing; anything that depends on the page at run time (`location.hostname`) is left out, with
 * a note.
 *
 * Looked for, in this order: the argument of `….run(…)` (`CookieConsent.run({...})`) or klaro's `setup(…)`;
 * a variable or `window.` property named `klaroConfig`; `export default {...}` / `module.exports = {...}`;
 * the one variable whose name contains "config".
 */
export function extractConfigObject(text: string, fileName: string, ts: Ts): Extracted {
  const kind = /\.[cm]?tsx?$/i.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const constants = new Map<string, TS.Expression>();
  const candidates: { rank: number; node: TS.Expression }[] = [];

  const unwrap = (node: TS.Expression): TS.Expression =>
    ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)
      ? unwrap(node.expression)
      : node;
  const nameOf = (node: TS.Expression) => (ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : '');

  const visit = (node: TS.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const value = unwrap(node.initializer);
      constants.set(node.name.text, value);
      if (/^klaroConfig$/i.test(node.name.text)) candidates.push({ rank: 1, node: value });
      else if (/config/i.test(node.name.text) && ts.isObjectLiteralExpression(value)) candidates.push({ rank: 4, node: value });
    } else if (ts.isCallExpression(node) && node.arguments.length) {
      const callee = nameOf(node.expression);
      if (callee == 'run' || /^(setup|show)$/.test(callee)) candidates.push({ rank: callee == 'run' ? 0 : 2, node: unwrap(node.arguments[0]) });
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind == ts.SyntaxKind.EqualsToken) {
      const target = node.left.getText(source);
      if (/(^|\.)klaroConfig$/.test(target)) candidates.push({ rank: 1, node: unwrap(node.right) });
      else if (target == 'module.exports') candidates.push({ rank: 3, node: unwrap(node.right) });
    } else if (ts.isExportAssignment(node)) {
      candidates.push({ rank: 3, node: unwrap(node.expression) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  const resolve = (node: TS.Expression, seen = new Set<string>()): TS.Expression => {
    if (ts.isIdentifier(node) && constants.has(node.text) && !seen.has(node.text)) return resolve(constants.get(node.text)!, seen.add(node.text));
    return node;
  };
  const found = candidates
    .map((candidate) => ({ ...candidate, node: resolve(candidate.node) }))
    .filter((candidate) => ts.isObjectLiteralExpression(candidate.node))
    .sort((a, b) => a.rank - b.rank);
  if (!found.length) {
    throw new MigrateError(
      `${fileName}: no config object found: expected CookieConsent.run({...}), var klaroConfig = {...}, export default {...}, or JSON`,
    );
  }

  const notes: string[] = [];
  const note = (path: string, message: string) => notes.push(`${path || 'config'}: ${message}`);
  const snippet = (node: TS.Node) => {
    const code = node.getText(source).replace(/\s+/g, ' ');
    return code.length > 60 ? code.slice(0, 57) + '...' : code;
  };

  /** The value of a literal node; `skip` for what is left out (already noted). */
  const skip = Symbol('skip');
  const literal = (input: TS.Expression, path: string, depth: number, seen: Set<string>): unknown => {
    if (depth > MAX_DEPTH) return note(path, 'nested too deeply: left out'), skip;
    const node = unwrap(input);
    if (ts.isObjectLiteralExpression(node)) {
      const out: Loose = {};
      for (const property of node.properties) {
        if (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property) || ts.isMethodDeclaration(property)) {
          const key = propertyKey(property.name);
          if (key == null) {
            note(path, `computed key ${snippet(property.name)} is code: left out`);
            continue;
          }
          const where = at(path, key);
          if (key == '__proto__') {
            note(where, 'left out');
            continue;
          }
          if (ts.isMethodDeclaration(property)) {
            out[key] = CODE;
            continue;
          }
          const value = ts.isShorthandPropertyAssignment(property)
            ? literal(property.name, where, depth + 1, seen)
            : literal(property.initializer, where, depth + 1, seen);
          if (value !== skip) out[key] = value;
        } else if (ts.isSpreadAssignment(property)) {
          note(path, `spread ${snippet(property)} is code: left out`);
        } else {
          note(path, `${snippet(property)}: a getter or setter is code: left out`);
        }
      }
      return out;
    }
    if (ts.isArrayLiteralExpression(node)) {
      const out: unknown[] = [];
      node.elements.forEach((element, index) => {
        if (ts.isSpreadElement(element)) return void note(at(path, index), `spread ${snippet(element)} is code: left out`);
        if (ts.isOmittedExpression(element)) return;
        const value = literal(element, at(path, index), depth + 1, seen);
        if (value !== skip) out.push(value);
      });
      return out;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isNumericLiteral(node)) return Number(node.text);
    if (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand)) {
      if (node.operator == ts.SyntaxKind.MinusToken) return -Number(node.operand.text);
      if (node.operator == ts.SyntaxKind.PlusToken) return Number(node.operand.text);
    }
    if (node.kind == ts.SyntaxKind.TrueKeyword) return true;
    if (node.kind == ts.SyntaxKind.FalseKeyword) return false;
    if (node.kind == ts.SyntaxKind.NullKeyword) return null;
    if (ts.isRegularExpressionLiteral(node)) {
      const [, body, flags] = /^\/(.*)\/([a-z]*)$/s.exec(node.text) ?? [];
      try {
        // Only built, never run against anything here: the migration reads its source and flags.
        return new RegExp(body, flags);
      } catch {
        return note(path, `regular expression ${snippet(node)} is not valid: left out`), skip;
      }
    }
    if (ts.isTemplateExpression(node) || (ts.isBinaryExpression(node) && node.operatorToken.kind == ts.SyntaxKind.PlusToken)) {
      const parts = ts.isTemplateExpression(node)
        ? [node.head.text, ...node.templateSpans.flatMap((span) => [span.expression, span.literal.text])]
        : [node.left, node.right];
      const values = parts.map((part) => (typeof part == 'string' ? part : literal(part, path, depth + 1, seen)));
      if (!values.every((part) => typeof part == 'string' || typeof part == 'number')) return skip;
      // `+` as JavaScript does it: a sum of numbers, else text.
      return values.every((part) => typeof part == 'number') ? (values as number[]).reduce((a, b) => a + b) : values.join('');
    }
    if (ts.isIdentifier(node)) {
      if (node.text == 'undefined') return skip;
      const value = constants.get(node.text);
      if (value && !seen.has(node.text)) return literal(value, path, depth + 1, new Set(seen).add(node.text));
      return note(path, `the variable ${node.text} is not a literal in this file: left out`), skip;
    }
    // Kept as a stand-in so the migration sees the option was set (and says what to use instead).
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return CODE;
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      return note(path, `${snippet(node)} is read from the page at run time: left out, give a fixed value`), skip;
    }
    return note(path, `${snippet(node)} is code, not a literal: left out`), skip;
  };

  function propertyKey(name: TS.PropertyName): string | undefined {
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
    if (ts.isNumericLiteral(name)) return String(Number(name.text));
    return undefined;
  }

  return { value: literal(found[0].node, '', 0, new Set()) as Loose, notes };
}
