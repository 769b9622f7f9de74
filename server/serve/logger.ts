// One line per event on stderr, with the time: what an operator tails.
export type LogLevel = 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, message: string) => void;

export function createLogger(stream: NodeJS.WritableStream, nowMs: () => number = Date.now): Log {
  return (level, message) => stream.write(`${new Date(nowMs()).toISOString()} ${level.padEnd(5)} ${message}\n`);
}
