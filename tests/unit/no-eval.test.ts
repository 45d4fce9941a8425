import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * A lint rule written as a test (the project has no linter): no code turned from a string at run time.
 * `eval`, `Function(…)`/`new Function(…)` and string timers are refused by a CSP without 'unsafe-eval'
 * and by Trusted Types, so one of them anywhere would break the SDK on strictly configured sites. The
 * check parses every source file and every built file (what a site really ships, dependencies included)
 * rather than grepping, so comments and strings that mention "eval(" do not count.
 */

const ROOT = new URL('../../', import.meta.url).pathname;
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'execScript']);
const GLOBALS = new Set(['window', 'self', 'globalThis', 'top', 'parent', 'frames']);

interface Finding {
  line: number;
  text: string;
}

/** The global a callee names: `eval`, `window.eval`, `(0, eval)`, `globalThis["Function"]`. */
const calleeOf = (node: ts.Expression): ts.Node => {
  if (ts.isParenthesizedExpression(node)) return calleeOf(node.expression);
  // (0, eval)(…): an indirect call is still eval.
  if (ts.isBinaryExpression(node) && node.operatorToken.kind == ts.SyntaxKind.CommaToken) return calleeOf(node.right);
  return node;
};

const nameOf = (expression: ts.Expression): string | undefined => {
  const node = calleeOf(expression);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && GLOBALS.has(node.expression.text)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return undefined;
};

/** An argument that is text, not a function: a string, a template, or a concatenation with either. */
const isStringy = (node: ts.Expression): boolean =>
  ts.isStringLiteralLike(node) ||
  ts.isTemplateExpression(node) ||
  (ts.isParenthesizedExpression(node) && isStringy(node.expression)) ||
  (ts.isBinaryExpression(node) && node.operatorToken.kind == ts.SyntaxKind.PlusToken && (isStringy(node.left) || isStringy(node.right)));

/**
 * `(() => {}).constructor` and `x.constructor.constructor` are Function under another name. A class's
 * `this.constructor(…)` (Preact's function components) is not.
 */
const isFunctionConstructor = (node: ts.Node): boolean => {
  if (!ts.isPropertyAccessExpression(node) || node.name.text != 'constructor') return false;
  let target: ts.Expression = node.expression;
  while (ts.isParenthesizedExpression(target)) target = target.expression;
  return (
    ts.isArrowFunction(target) ||
    ts.isFunctionExpression(target) ||
    (ts.isPropertyAccessExpression(target) && target.name.text == 'constructor')
  );
};

function findStringCode(code: string, fileName = 'file.ts'): Finding[] {
  const kind = /\.(m?js|cjs)$/.test(fileName) ? ts.ScriptKind.JS : /x$/.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
  const findings: Finding[] = [];
  const report = (node: ts.Node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    findings.push({ line: line + 1, text: node.getText(source).slice(0, 80) });
  };
  const callees = new Set<ts.Node>();
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = nameOf(node.expression);
      const [first] = node.arguments || [];
      callees.add(calleeOf(node.expression));
      if (name == 'eval' || name == 'Function') report(node);
      else if (name && TIMERS.has(name) && first && isStringy(first)) report(node);
    } else if (ts.isIdentifier(node) && node.text == 'eval' && !callees.has(node) && !ts.isPropertyAccessExpression(node.parent)) {
      // eval passed around as a value (`const run = eval`) is eval too.
      report(node);
    } else if (isFunctionConstructor(node) && ts.isCallExpression(node.parent) && node.parent.expression == node) {
      report(node.parent);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

const filesUnder = (dir: string, pattern: RegExp): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path, pattern) : pattern.test(entry.name) ? [path] : [];
  });

const scan = (files: string[]) =>
  files.flatMap((file) => findStringCode(readFileSync(file, 'utf8'), file).map((f) => `${relative(ROOT, file)}:${f.line}: ${f.text}`));

describe('the rule itself', () => {
  it.each([
    'eval("1 + 1")',
    'window.eval(code)',
    '(0, eval)(code)',
    'const run = eval; run(code)',
    'new Function("a", "return a")',
    'Function("return this")()',
    'globalThis["Function"]("x")',
    'setTimeout("tick()", 10)',
    "window.setInterval('tick()', 10)",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text under test, not a template
    'setTimeout(`tick(${n})`, 0)',
    'setTimeout("tick(" + n + ")", 0)',
    '(() => {}).constructor("return 1")()',
    '"".constructor.constructor("return this")()',
  ])('flags %s', (code) => {
    expect(findStringCode(code, 'bad.js')).toHaveLength(1);
  });

  it.each([
    'setTimeout(activateElement, 0, el)',
    'setTimeout(() => tick(), 10)',
    'const text = "never eval(x) or new Function(y) here"',
    '// eval("x") in a comment\nconst a = 1',
    'obj.evaluate(code)',
    'page.eval = 1',
    'type Fn = Function; const f: Fn = () => {}',
    'clearTimeout(timer)',
    'this.constructor(props, context)',
  ])('lets %s through', (code) => {
    expect(findStringCode(code, 'good.ts')).toEqual([]);
  });
});

describe('no code from strings', () => {
  // Parsing a few hundred files takes seconds on a busy two-core machine.
  it('in src/', { timeout: 60_000 }, () => {
    const files = filesUnder(join(ROOT, 'src'), /\.tsx?$/);
    expect(files.length).toBeGreaterThan(50);
    expect(scan(files)).toEqual([]);
  });

  const dist = join(ROOT, 'dist');
  it.runIf(existsSync(join(dist, 'consentry.min.js')))(
    'in every built file under dist/, bundled dependencies included',
    { timeout: 60_000 },
    () => {
      const files = filesUnder(dist, /\.(m?js)$/);
      expect(files.map((f) => relative(dist, f))).toEqual(
        expect.arrayContaining(['consentry.min.js', 'consentry-ui.min.js', 'consentry-gpp.min.js', 'consentry.mjs']),
      );
      expect(scan(files)).toEqual([]);
    },
  );

  it('has a build to check (npm test builds first; run `npm run build` before this file alone)', () => {
    expect(existsSync(join(dist, 'consentry.min.js'))).toBe(true);
  });
});
