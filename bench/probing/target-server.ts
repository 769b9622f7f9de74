// The probing benchmark's target, run in its own process so that its CPU is not slawatch's: a
// keep-alive HTTP server on 127.0.0.1 answering every request with 200 "ok" at once. It prints
// `listening PORT` and exits when its stdin closes (the benchmark ended or died).
//   node --import tsx bench/probing/target-server.ts
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
  res.end('ok');
});
// Longer than the longest probe interval, so kept-alive connections are not dropped between probes.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 125_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.on('close', () => process.exit(0));
