// A tiny authoritative DNS server on a loopback UDP port for the dns probe tests: it answers from a
// zone table, says NXDOMAIN or SERVFAIL for some names, and drops queries for others (a resolver
// that never answers). Just enough of RFC 1035 to be understood by c-ares.
import { createSocket, type RemoteInfo } from 'node:dgram';

export type Rcode = 'NOERROR' | 'SERVFAIL' | 'NXDOMAIN';
export type Rr =
  | { type: 'A'; address: string }
  | { type: 'MX'; priority: number; exchange: string }
  | { type: 'TXT'; text: string };
export type Zone = Record<string, Rcode | 'DROP' | Rr[]>;

const rcodes: Record<Rcode, number> = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 };
const typeCodes: Record<Rr['type'], number> = { A: 1, MX: 15, TXT: 16 };

export interface DnsServer {
  port: number;
  /** Queries received, as "TYPE name". */
  queries: string[];
  close(): Promise<void>;
}

export async function startDnsServer(zone: Zone): Promise<DnsServer> {
  const socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (message: Buffer, from: RemoteInfo) => {
    const question = parseQuestion(message);
    if (!question) return;
    const entry = zone[question.name.toLowerCase()] ?? 'NXDOMAIN';
    queries.push(`${question.typeCode} ${question.name}`);
    if (entry === 'DROP') return;
    const answers = Array.isArray(entry) ? entry.filter((rr) => typeCodes[rr.type] === question.typeCode) : [];
    socket.send(
      response(message, question.end, typeof entry === 'string' ? rcodes[entry] : 0, answers),
      from.port,
      from.address,
    );
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, queries, close: () => new Promise((resolve) => socket.close(() => resolve())) };
}

function parseQuestion(message: Buffer): { name: string; typeCode: number; end: number } | null {
  const labels: string[] = [];
  let offset = 12;
  while (offset < message.length && message[offset] !== 0) {
    const length = message[offset]!;
    labels.push(message.subarray(offset + 1, offset + 1 + length).toString('ascii'));
    offset += 1 + length;
  }
  if (offset + 5 > message.length) return null;
  return { name: labels.join('.'), typeCode: message.readUInt16BE(offset + 1), end: offset + 5 };
}

function response(query: Buffer, questionEnd: number, rcode: number, answers: Rr[]): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0); // id
  header.writeUInt16BE(0x8000 | 0x0400 | (query.readUInt16BE(2) & 0x0100) | 0x0080 | rcode, 2); // QR AA RD RA rcode
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  return Buffer.concat([header, query.subarray(12, questionEnd), ...answers.map(record)]);
}

function record(rr: Rr): Buffer {
  const data = rdata(rr);
  const fixed = Buffer.alloc(12);
  fixed.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
  fixed.writeUInt16BE(typeCodes[rr.type], 2);
  fixed.writeUInt16BE(1, 4); // IN
  fixed.writeUInt32BE(60, 6);
  fixed.writeUInt16BE(data.length, 10);
  return Buffer.concat([fixed, data]);
}

function rdata(rr: Rr): Buffer {
  switch (rr.type) {
    case 'A':
      return Buffer.from(rr.address.split('.').map(Number));
    case 'MX': {
      const priority = Buffer.alloc(2);
      priority.writeUInt16BE(rr.priority);
      return Buffer.concat([priority, encodeName(rr.exchange)]);
    }
    case 'TXT':
      return Buffer.concat([Buffer.from([Buffer.byteLength(rr.text)]), Buffer.from(rr.text)]);
  }
}

function encodeName(name: string): Buffer {
  const labels = name.replace(/\.$/, '').split('.');
  return Buffer.concat([
    ...labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')])),
    Buffer.from([0]),
  ]);
}
