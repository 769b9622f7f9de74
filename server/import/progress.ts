// A terminal progress bar for `slawatch import`: bytes read of the file, rows so far and rows/s.
// Only for a person watching: when the stream is not a terminal (CI, a pipe, a log file) it draws
// nothing, so logs are not filled with escape codes.

import cliProgress from 'cli-progress';

export interface ImportProgress {
  /** Fits `readImportFile`'s `onProgress` as is: `{ onProgress: progress.update }`. */
  readonly update: (bytesRead: number, totalBytes: number, rowsRead?: number) => void;
  /** Draws the final state and releases the terminal; safe to call more than once. */
  readonly stop: () => void;
}

export interface ProgressOptions {
  /** Shown before the bar, e.g. the file name. */
  label?: string;
  now?: () => number;
}

type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean };

const silent: ImportProgress = { update: () => {}, stop: () => {} };

export function createProgress(stream: ProgressStream, options: ProgressOptions = {}): ImportProgress {
  if (stream.isTTY !== true) return silent;
  const now = options.now ?? Date.now;
  const label = options.label ?? 'import';
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{label} {bar} {percentage}% | {megabytes} | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
      barsize: 30,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let startedAtMs: number | null = null;
  let rows = 0;
  let bytes = 0;
  let total = 0;
  const payload = () => ({
    label,
    rows: countFormat.format(rows),
    rate: countFormat.format(rowsPerSecond(rows, startedAtMs, now())),
    megabytes: `${megabytes(bytes)}/${megabytes(total)} MB`,
  });
  return {
    update: (bytesRead, totalBytes, rowsRead) => {
      bytes = bytesRead;
      total = totalBytes;
      if (rowsRead !== undefined) rows = rowsRead;
      if (startedAtMs === null) {
        startedAtMs = now();
        bar.start(Math.max(totalBytes, 1), bytesRead, payload());
      } else {
        bar.update(bytesRead, payload());
      }
    },
    stop: () => {
      if (startedAtMs === null) return;
      bar.update(bytes, payload());
      bar.stop();
      startedAtMs = null;
    },
  };
}

const countFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

export function rowsPerSecond(rows: number, startedAtMs: number | null, nowMs: number): number {
  if (startedAtMs === null || nowMs <= startedAtMs) return 0;
  return (rows * 1000) / (nowMs - startedAtMs);
}

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}
