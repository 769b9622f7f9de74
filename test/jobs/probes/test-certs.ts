// Certificates for the TLS tests, made at test start with the machine's openssl: a test CA and
// leaves that are good, expiring soon, expired, for the wrong host, or self-signed. EC P-256 keys
// keep this fast (a few tens of ms in all).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyAndCert {
  key: string;
  cert: string;
}

export interface TestCerts {
  /** The test root, valid 10 years. */
  caPem: string;
  /** For localhost and 127.0.0.1, valid 90 days, signed by the root. */
  good: KeyAndCert;
  /** A 30-day intermediate CA, which the server presents with its 90-day leaf. */
  intermediatePem: string;
  /** Leaf (90 days, signed by the intermediate) followed by the intermediate (30 days). */
  viaIntermediate: KeyAndCert;
  expiringIn5Days: KeyAndCert;
  expired: KeyAndCert;
  wrongHost: KeyAndCert;
  selfSigned: KeyAndCert;
}

const curve = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
const localSan = 'subjectAltName=DNS:localhost,IP:127.0.0.1';

export function makeTestCerts(): TestCerts {
  const dir = mkdtempSync(join(tmpdir(), 'slawatch-certs-'));
  const path = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  try {
    openssl(
      'req',
      '-x509',
      ...curve,
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '3650',
      '-subj',
      '/CN=slawatch test CA',
    );
    const sign = (name: string, issuer: string, days: number, extensions: string): KeyAndCert => {
      openssl('req', ...curve, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
      writeFileSync(path(`${name}.ext`), `${extensions}\n`);
      const ca = ['-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-CAcreateserial'];
      openssl(
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        ...ca,
        '-days',
        String(days),
        '-extfile',
        `${name}.ext`,
        '-out',
        `${name}.pem`,
      );
      return { key: readFileSync(path(`${name}.key`), 'utf8'), cert: readFileSync(path(`${name}.pem`), 'utf8') };
    };
    const leaf = (name: string, days: number, san: string) => sign(name, 'ca', days, san);
    const caPem = readFileSync(path('ca.pem'), 'utf8');
    const good = leaf('good', 90, localSan);
    const intermediate = sign(
      'intermediate',
      'ca',
      30,
      'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign',
    );
    const viaIntermediate = sign('via-intermediate', 'intermediate', 90, localSan);
    openssl(
      'req',
      '-x509',
      ...curve,
      '-keyout',
      'self.key',
      '-out',
      'self.pem',
      '-days',
      '90',
      '-subj',
      '/CN=localhost',
      '-addext',
      localSan,
    );
    return {
      caPem,
      good,
      intermediatePem: intermediate.cert,
      viaIntermediate: { key: viaIntermediate.key, cert: viaIntermediate.cert + intermediate.cert },
      expiringIn5Days: leaf('expiring', 5, localSan),
      expired: leaf('expired', -1, localSan), // notAfter a day ago
      wrongHost: leaf('wrong', 90, 'subjectAltName=DNS:wrong.example'),
      selfSigned: { key: readFileSync(path('self.key'), 'utf8'), cert: readFileSync(path('self.pem'), 'utf8') },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** notAfter of the first certificate in a PEM, as epoch ms. */
export function notAfterMs(pem: string): number {
  const out = execFileSync('openssl', ['x509', '-noout', '-enddate'], { input: pem }).toString();
  return Date.parse(out.replace('notAfter=', '').trim());
}
