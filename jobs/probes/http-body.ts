// Reads a response body, decoded, up to a cap. A probe judges a service, it does not download it:
// past the cap the probe stops reading, destroys the connection and judges the first `limitBytes`
// (the caller marks the body truncated). The cap counts decoded bytes, so a gzip bomb (a small body
// that inflates to gigabytes) costs one cap of memory: zlib hands out 16 KiB chunks and the
// decoder is destroyed as soon as the cap is reached.
import type { IncomingMessage } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Transform } from 'node:stream';

/** The most of a body a probe reads (decoded). */
export const bodyLimitBytes = 1024 * 1024;

export type BodyRead =
  | { ok: true; body: Buffer; truncated: boolean }
  | { ok: false; stage: 'transfer' | 'decoding'; error: unknown; bytesRead: number };

export interface BodyReader {
  /** Bytes of (decoded) body received so far, for a timeout's message. */
  bytesRead(): number;
  /** Stops reading: destroys the response and the decoder (on abort). */
  destroy(): void;
}

/**
 * Reads `res` to its end or to `limitBytes`, then calls `done` once. With `decode`, a gzip, deflate
 * or br Content-Encoding is undone and the cap applies to the decoded bytes; any other coding is
 * read as is.
 */
export function readBody(
  res: IncomingMessage,
  options: { limitBytes: number; decode: boolean },
  done: (read: BodyRead) => void,
): BodyReader {
  const decoder = options.decode ? decoderFor(res.headers['content-encoding']) : null;
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const destroy = () => {
    res.destroy();
    decoder?.destroy();
  };
  const finish = (read: BodyRead) => {
    if (finished) return;
    finished = true;
    done(read);
  };
  const source = decoder ?? res;
  source.on('data', (chunk: Buffer) => {
    if (finished) return;
    const room = options.limitBytes - size;
    if (chunk.length > room) {
      chunks.push(chunk.subarray(0, room));
      size = options.limitBytes;
      destroy(); // the rest is never read; the connection cannot be reused mid-body
      finish({ ok: true, body: Buffer.concat(chunks), truncated: true });
      return;
    }
    chunks.push(chunk);
    size += chunk.length;
  });
  source.on('end', () => finish({ ok: true, body: Buffer.concat(chunks), truncated: false }));
  // Node says only "aborted" when the connection ends (FIN or RST) before the body does.
  res.on('error', (error) =>
    finish({ ok: false, stage: 'transfer', error: error.message === 'aborted' ? cutShort() : error, bytesRead: size }),
  );
  // A connection closed before the declared length or the last chunk: the body is cut short.
  res.on('close', () => {
    if (!res.complete) finish({ ok: false, stage: 'transfer', error: cutShort(), bytesRead: size });
  });
  if (decoder) {
    let encodedBytes = 0;
    res.on('data', (chunk: Buffer) => (encodedBytes += chunk.length));
    decoder.on('error', (error) => {
      // An empty body labelled gzip (HEAD, 204, Content-Length: 0) is empty, not corrupt.
      if (encodedBytes === 0 && res.complete) finish({ ok: true, body: Buffer.alloc(0), truncated: false });
      else finish({ ok: false, stage: 'decoding', error, bytesRead: size });
    });
    res.pipe(decoder);
  }
  return { bytesRead: () => size, destroy };
}

function decoderFor(contentEncoding: string | undefined): Transform | null {
  switch (contentEncoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

function cutShort(): Error {
  return Object.assign(new Error('the connection closed before the body ended'), { code: 'ECONNRESET' });
}
