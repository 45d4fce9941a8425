import { runMigrate } from '../migrate/cli';
import { main, processIo } from './main';
import { runRewrite } from './rewrite-command';

// The `consentry` command: scan and check drive a browser; migrate and rewrite work on files.
const [command, ...rest] = process.argv.slice(2);
const run =
  command === 'migrate' ? runMigrate(rest) : command === 'rewrite' ? runRewrite(rest, processIo) : main(process.argv.slice(2));
run.then((code) => {
  process.exitCode = code;
});
