// `slawatch api [--server URL] [--token T] [--method GET] [--data JSON] PATH`: the CLI against a
// remote slawatch (SPEC §6 API tokens). The token comes from --token or $SLAWATCH_TOKEN (the
// environment keeps it out of the process list); the server from --server or $SLAWATCH_SERVER.
// Prints the response body; exit 1 on a non-2xx answer.
import { parseArgs } from 'node:util';
import { UsageError, writeLine, type CliIo } from '../io.ts';

export const apiUsage =
  'api [--server URL] [--token TOKEN] [--method GET] [--data JSON] PATH   (or $SLAWATCH_SERVER, $SLAWATCH_TOKEN)';

export async function runApi(args: string[], io: CliIo, fetchImpl: typeof fetch = fetch): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      server: { type: 'string' },
      token: { type: 'string' },
      method: { type: 'string', default: 'GET' },
      data: { type: 'string' },
    },
  });
  const server = values.server ?? io.env.SLAWATCH_SERVER;
  const token = values.token ?? io.env.SLAWATCH_TOKEN;
  const path = positionals[0];
  if (!server) throw new UsageError('give --server URL or set SLAWATCH_SERVER');
  if (!token) throw new UsageError('give --token or set SLAWATCH_TOKEN (an API token from /admin/tokens)');
  if (!path?.startsWith('/')) throw new UsageError('give the path, e.g. /api/v1/services');
  const url = new URL(path, server.endsWith('/') ? server : `${server}/`);
  const method = (values.method ?? 'GET').toUpperCase();
  const response = await fetchImpl(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(values.data ? { 'content-type': 'application/json' } : {}),
    },
    body: values.data,
  });
  const text = await response.text();
  writeLine(response.ok ? io.stdout : io.stderr, text || `${response.status} ${response.statusText}`);
  return response.ok ? 0 : 1;
}
