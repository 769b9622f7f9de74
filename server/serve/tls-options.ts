// Optional TLS (SPEC §6, `security.tls`): the certificate and key files, read at start, relative
// to the config file's folder. An unreadable file stops `serve` with the path and the reason.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { SecurityConfig } from '../config/security-schema.ts';

export async function loadTlsFiles(
  tls: SecurityConfig['tls'],
  configPath: string | null,
): Promise<{ cert: Buffer; key: Buffer } | null> {
  if (!tls) return null;
  const base = configPath ? dirname(configPath) : process.cwd();
  const read = async (label: string, path: string) => {
    const full = resolve(base, path);
    try {
      return await readFile(full);
    } catch (error) {
      throw new Error(`security.tls.${label}: cannot read ${full}: ${(error as Error).message}`);
    }
  };
  return { cert: await read('cert', tls.certPath), key: await read('key', tls.keyPath) };
}
