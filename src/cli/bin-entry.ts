import { main, processIo } from './main';

// The `consentry` command: scan and check drive a browser; migrate and rewrite work on files. Each
// sub-command loads only what it needs (rewrite: parse5; migrate: typescript for JS configs).
const [command, ...rest] = process.argv.slice(2);
const run =
  command === 'migrate'
    ? import('../migrate/cli').then(({ runMigrate }) => runMigrate(rest))
    : command === 'rewrite'
      ? import('./rewrite-command').then(({ runRewrite }) => runRewrite(rest, processIo))
      : command === 'receipts'
        ? import('../node/receipts/receipts-command').then(({ runReceipts }) => runReceipts(rest))
        : main(process.argv.slice(2));
run.then((code) => {
  process.exitCode = code;
});
