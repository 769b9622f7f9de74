// Reads a secret typed at a prompt: on a terminal without echo, else the first line of standard
// input (so `printf '%s\n' "$PW" | slawatch user add …` works in scripts without the password in
// the process list, where `--password` would put it).
import { createInterface } from 'node:readline';
import { UsageError, type CliIo } from './io.ts';

export async function readSecret(io: CliIo, prompt: string): Promise<string> {
  const input = io.stdin;
  if (!input) throw new UsageError('no standard input to read the password from: give --password');
  if (input.isTTY && input.setRawMode) return readHidden(input, io, prompt);
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new UsageError('standard input ended before a password line');
}

function readHidden(input: NonNullable<CliIo['stdin']>, io: CliIo, prompt: string): Promise<string> {
  io.stderr.write(prompt);
  input.setRawMode!(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(text));
        if (ch === '\u0003') return done(() => reject(new UsageError('interrupted')));
        if (ch === '\u007f') text = text.slice(0, -1);
        else text += ch;
      }
    };
    const done = (finish: () => void) => {
      input.off('data', onData);
      input.setRawMode!(false);
      input.pause();
      io.stderr.write('\n');
      finish();
    };
    input.on('data', onData);
  });
}
