import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, rowsPerSecond } from '../../../server/import/progress.ts';

function fakeTerminal(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 120 });
  let written = '';
  stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return { stream, output: () => written };
}

describe('createProgress', () => {
  it('draws nothing when the stream is not a terminal', () => {
    const terminal = fakeTerminal(false);
    const progress = createProgress(terminal.stream);
    progress.update(10, 100, 5);
    progress.stop();
    expect(terminal.output()).toBe('');
  });

  it('draws bytes, rows and rows/s on a terminal, and stops once', async () => {
    const terminal = fakeTerminal(true);
    let nowMs = 1_000;
    const { update, stop } = createProgress(terminal.stream, { label: 'checks.csv', now: () => nowMs });
    update(500_000, 2_000_000, 0);
    nowMs += 2_000;
    update(2_000_000, 2_000_000, 300_000);
    stop();
    stop();
    await new Promise((resolve) => setImmediate(resolve));
    const frames = terminal
      .output()
      .split(/[\r\n]/)
      .filter((line) => line.includes('checks.csv'));
    expect(frames.at(-1)).toContain('100% | 2.0/2.0 MB | 300,000 rows | 150,000 rows/s');
  });

  it('stopping before any progress draws nothing', () => {
    const terminal = fakeTerminal(true);
    createProgress(terminal.stream).stop();
    expect(terminal.output()).toBe('');
  });
});

describe('rowsPerSecond', () => {
  it.each([
    ['is rows over elapsed seconds', 300_000, 1_000, 3_000, 150_000],
    ['is 0 before the start', 10, null, 3_000, 0],
    ['is 0 when no time has passed', 10, 3_000, 3_000, 0],
  ])('%s', (_name, rows, startedAtMs, nowMs, expected) => {
    expect(rowsPerSecond(rows, startedAtMs, nowMs)).toBe(expected);
  });
});
