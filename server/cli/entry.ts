// The process entry of the CLI: runs `slawatch …` with this process's streams and environment.
// bin/slawatch.js runs its build (dist/server/cli/entry.js) on plain node; bin/slawatch-dev.js loads it through tsx.
import { runCli } from './main.ts';

// `slawatch report … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
