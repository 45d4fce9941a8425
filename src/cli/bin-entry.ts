import { main } from './main';

// The `consentry` command: run, then exit with the verdict once output is flushed.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
