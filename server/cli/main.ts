// The `slawatch` command line: a registry of commands, each in its own file.
import { runReport, reportUsage } from './commands/report.ts';
import { runCheck, checkUsage } from './commands/check.ts';
import { runImport, importUsage } from './commands/import.ts';
import { runExport, exportUsage } from './commands/export.ts';
import { runServe, runWorker, serveUsage, workerUsage } from './commands/serve.ts';
import { runUser, userUsage } from './commands/user.ts';
import { runApi, apiUsage } from './commands/api.ts';
import { UsageError, writeLine, type CliIo } from './io.ts';

interface Command {
  usage: string;
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

const commands: Record<string, Command> = {
  serve: {
    usage: serveUsage,
    summary: 'run the API, /metrics and the jobs (probes, recording, retention); --demo starts a simulated service',
    run: runServe,
  },
  worker: { usage: workerUsage, summary: 'run the jobs only (probes, recording, retention)', run: runWorker },
  check: {
    usage: checkUsage,
    summary: "validate the config; print each claim's verifiability and contradictions",
    run: runCheck,
  },
  report: { usage: reportUsage, summary: "print a service's figures and claims for a period", run: runReport },
  user: {
    usage: userUsage,
    summary: 'add, list and unlock console accounts, change a password (the first admin: user add --role admin)',
    run: runUser,
  },
  api: {
    usage: apiUsage,
    summary: 'call a (remote) slawatch API with an API token',
    run: (args, io) => runApi(args, io),
  },
  import: {
    usage: importUsage,
    summary:
      'import checks, incidents or maintenance from CSV or JSON (all or nothing), or the claims of a check sheet',
    run: runImport,
  },
  export: {
    usage: exportUsage,
    summary:
      "export the yearly check sheet with measured answers, the year's incidents, OpenSLO YAML or Prometheus rules",
    run: runExport,
  },
};

function usage(): string {
  return [
    'usage: slawatch <command> [options]',
    '',
    ...Object.values(commands).map((c) => `  slawatch ${c.usage}\n      ${c.summary}`),
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    writeLine(io.stdout, usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    writeLine(io.stderr, `slawatch: unknown command "${name}"\n\n${usage()}`);
    return 1;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      // A multi-line message (every config error) stands as it is; one line gets the command's name.
      writeLine(io.stderr, error.message.includes('\n') ? error.message : `slawatch ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
