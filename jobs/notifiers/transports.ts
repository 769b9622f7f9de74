// Sending what a builder made: HTTP with fetch (a hard timeout; a non-2xx answer is a failure),
// SMTP with nodemailer. Failures are values, for the delivery loop to retry.
import nodemailer from 'nodemailer';
import type { Outgoing, SendResult } from './notifier.ts';

export interface TransportDeps {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export async function sendOutgoing(outgoing: Outgoing, deps: TransportDeps = {}): Promise<SendResult> {
  const timeoutMs = deps.timeoutMs ?? 10_000;
  try {
    if (outgoing.transport === 'http') {
      const response = await (deps.fetch ?? fetch)(outgoing.url, {
        method: 'POST',
        headers: outgoing.headers,
        body: outgoing.body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      const text = (await response.text()).slice(0, 200);
      return response.ok
        ? { ok: true, detail: `HTTP ${response.status}` }
        : { ok: false, error: `HTTP ${response.status}${text ? `: ${text}` : ''}` };
    }
    const url = new URL(outgoing.smtpUrl);
    // Timeouts ride on the URL as nodemailer reads its options from the query string.
    for (const key of ['connectionTimeout', 'greetingTimeout', 'socketTimeout'])
      if (!url.searchParams.has(key)) url.searchParams.set(key, String(timeoutMs));
    const transport = nodemailer.createTransport(url.toString());
    try {
      const info = await transport.sendMail(outgoing.mail);
      return { ok: true, detail: `SMTP ${info.response}` };
    } finally {
      transport.close();
    }
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

function describeError(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { message?: string; code?: string } };
  if (e?.name === 'TimeoutError') return 'timed out';
  const cause = e?.cause?.code ?? e?.cause?.message;
  return `${e?.message ?? String(error)}${cause ? ` (${cause})` : ''}`;
}
