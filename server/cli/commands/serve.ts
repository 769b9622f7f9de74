// `slawatch serve` (API, pages and jobs) and `slawatch worker` (jobs only). They run until
// SIGINT/SIGTERM and then stop within 10 s; SIGHUP reloads the config.
import { parseArgs } from 'node:util';
import { startServer, type RunningServer } from '../../serve/start-server.ts';
import { createLogger } from '../../serve/logger.ts';
import { configPath, loadConfigOrFail, openConfiguredStore } from '../context.ts';
import { UsageError, type CliIo } from '../io.ts';
import { startDemo } from '../../demo/start-demo.ts';

export const serveUsage = 'serve [--config FILE] [--host 127.0.0.1] [--port 3000] [--location local] [--demo]';
export const workerUsage = 'worker [--config FILE] [--location NAME]';

/** The hard stop: whatever is still running after this is abandoned. */
const exitDeadlineMs = 9_500;

export async function runServe(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      location: { type: 'string' },
      demo: { type: 'boolean', default: false },
    },
  });
  return run(io, {
    configFlag: values.config,
    host: values.host,
    port: values.port,
    location: values.location,
    demo: values.demo ?? false,
    http: true,
  });
}

export async function runWorker(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { config: { type: 'string' }, location: { type: 'string' } } });
  return run(io, { configFlag: values.config, location: values.location, http: false, demo: false });
}

async function run(
  io: CliIo,
  flags: { configFlag?: string; host?: string; port?: string; location?: string; demo: boolean; http: boolean },
): Promise<number> {
  const log = createLogger(io.stderr);
  const demo = flags.demo ? await startDemo(log) : null;
  try {
    const path = demo ? demo.configPath : configPath(flags.configFlag, io);
    const config = await loadConfigOrFail(path, io);
    const port = flags.port === undefined ? config.server.port : Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new UsageError(`--port ${flags.port}: give a port number 0-65535`);
    const nowMs = (io.nowMs ?? Date.now)();
    const store = await openConfiguredStore(config, io, nowMs);
    let running: RunningServer;
    try {
      running = await startServer({
        config,
        configPath: path,
        store,
        http: flags.http ? { host: flags.host ?? config.server.host, port } : null,
        location: flags.location,
        log,
      });
    } catch (error) {
      await store.close();
      throw new UsageError((error as Error).message);
    }
    if (running.url) {
      io.stdout.write(`slawatch is serving on ${running.url}\n`);
      demo?.attach(running.url);
    }
    await waitForStopSignal(running, log);
    await store.close();
    return 0;
  } finally {
    await demo?.stop();
  }
}

function waitForStopSignal(running: RunningServer, log: ReturnType<typeof createLogger>): Promise<void> {
  return new Promise((resolve) => {
    const onHup = () => void running.reload().then((ok) => ok && log('info', 'config reloaded on SIGHUP'));
    const onStop = (signal: string) => {
      log('info', `${signal}: stopping`);
      process.off('SIGHUP', onHup);
      const hardStop = setTimeout(() => {
        log('error', 'did not stop in time; exiting');
        process.exit(1);
      }, exitDeadlineMs);
      hardStop.unref();
      void running.stop().then(resolve);
    };
    process.once('SIGINT', () => onStop('SIGINT'));
    process.once('SIGTERM', () => onStop('SIGTERM'));
    process.on('SIGHUP', onHup);
  });
}
