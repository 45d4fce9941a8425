import { main, processIo } from './main';

// The `consentry` command: scan and check drive a browser (playwright-core and Chromium, installed by the
// user); migrate, rewrite, validate and build-config work on files and need nothing installed. Each
// sub-command's code (parse5 for rewrite, acorn for migrate) is a chunk loaded only when it runs.
const [command, ...rest] = process.argv.slice(2);
const run =
  command === 'migrate'
    ? import('../migrate/cli').then(({ runMigrate }) => runMigrate(rest))
    : command === 'rewrite'
      ? import('./rewrite-command').then(({ runRewrite }) => runRewrite(rest, processIo))
      : command === 'validate'
        ? import('./validate-command').then(({ runValidate }) => runValidate(rest, processIo))
        : command === 'build-config'
          ? import('./build-config-command').then(({ runBuildConfig }) => runBuildConfig(rest, processIo))
          : command === 'receipts'
            ? import('../receipts/receipts-command').then(({ runReceipts }) => runReceipts(rest))
            : main(process.argv.slice(2));
run.then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not bad input: say so, with the stack that a report needs.
    process.stderr.write(`consentry: unexpected error: ${(error as Error)?.stack || error}\n`);
    process.exitCode = 2;
  },
);
