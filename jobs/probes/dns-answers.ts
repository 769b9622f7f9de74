// How a DNS answer is compared with a monitor's `expected` values. Each record is written in the
// forms a person would put in the config: an MX as "10 mail.example.com" or just
// "mail.example.com", an SRV as "0 5 5060 sip.example.com" or its target, a CAA as
// `0 issue "ca.example"` or its value. Both sides are normalised: case, trailing dots, spacing,
// and IPv6 spelled in its canonical form. Pure.
import type { AnyRecord, CaaRecord, MxRecord, NaptrRecord, SoaRecord, SrvRecord } from 'node:dns';
import { isIP } from 'node:net';
import type { DnsRecordType } from './probe-settings.ts';

export type DnsAnswer =
  | string[]
  | string[][]
  | MxRecord[]
  | SrvRecord[]
  | CaaRecord[]
  | SoaRecord
  | AnyRecord[]
  | NaptrRecord[];

/** Each record of the answer as the strings it may be written as (normalised). */
export function answerForms(recordType: DnsRecordType, answer: DnsAnswer): string[][] {
  const records: unknown[] = Array.isArray(answer) ? answer : [answer];
  return records.map((record) => formsOf(recordType, record).map(normaliseDnsValue));
}

/** The expected values that no record of the answer matches. */
export function missingExpected(expected: readonly string[], forms: readonly string[][]): string[] {
  const known = new Set(forms.flat());
  return expected.filter((value) => !known.has(normaliseDnsValue(value)));
}

/** A record for a message: its first (fullest) form. */
export function describeAnswers(forms: readonly string[][]): string {
  const shown = forms.slice(0, 10).map((f) => f[0] ?? '');
  return `[${shown.join(', ')}${forms.length > 10 ? `, … ${forms.length - 10} more` : ''}]`;
}

export function normaliseDnsValue(value: string): string {
  const text = value.trim();
  if (isIP(text) === 6) return new URL(`http://[${text}]`).hostname.slice(1, -1);
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((token) => (token.length > 1 ? token.replace(/\.$/, '') : token))
    .join(' ');
}

function formsOf(recordType: DnsRecordType, record: unknown): string[] {
  switch (recordType) {
    case 'A':
    case 'AAAA':
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return [String(record)];
    case 'TXT':
      return [(record as string[]).join('')];
    case 'MX': {
      const mx = record as MxRecord;
      return [`${mx.priority} ${mx.exchange}`, mx.exchange];
    }
    case 'SRV': {
      const srv = record as SrvRecord;
      return [`${srv.priority} ${srv.weight} ${srv.port} ${srv.name}`, srv.name];
    }
    case 'CAA':
      return caaForms(record as CaaRecord);
    case 'SOA': {
      const soa = record as SoaRecord;
      return [
        `${soa.nsname} ${soa.hostmaster} ${soa.serial} ${soa.refresh} ${soa.retry} ${soa.expire} ${soa.minttl}`,
        soa.nsname,
      ];
    }
  }
}

function caaForms(caa: CaaRecord): string[] {
  const tag = (['issue', 'issuewild', 'iodef', 'contactemail', 'contactphone'] as const).find(
    (t) => caa[t] !== undefined,
  );
  if (tag === undefined) return [String(caa.critical)];
  const value = String(caa[tag]);
  return [`${caa.critical} ${tag} "${value}"`, `${tag} ${value}`, value];
}
