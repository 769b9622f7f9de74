// The prometheus probe against a stand-in for Prometheus's HTTP API on loopback (a real Prometheus
// cannot run here): which results hold, and what a failing API looks like.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prometheusProbe, queryUrl } from '../../../jobs/probes/prometheus.ts';
import type { PrometheusMonitorSettings } from '../../../jobs/probes/probe-settings.ts';
import { closeAll, closedPort, deadline, startHttpServer, timed, type Running } from './servers.ts';

const at = 1_767_225_600;
const sample = (value: string) => ({ metric: { job: 'api' }, value: [at, value] });
const success = (resultType: string, result: unknown) => ({ status: 'success', data: { resultType, result } });

/** The stand-in's answers, by query. */
const answers: Record<string, { status: number; body: unknown }> = {
  'up == 1': { status: 200, body: success('vector', [sample('0'), sample('1')]) },
  'up == 0': { status: 200, body: success('vector', [sample('0'), sample('0')]) },
  'absent(up)': { status: 200, body: success('vector', []) },
  'scalar(1)': { status: 200, body: success('scalar', [at, '1']) },
  'scalar(0)': { status: 200, body: success('scalar', [at, '0']) },
  NaN: { status: 200, body: success('vector', [sample('NaN')]) },
  '+Inf': { status: 200, body: success('vector', [sample('+Inf')]) },
  'up[5m]': {
    status: 200,
    body: success('matrix', [
      {
        metric: {},
        values: [
          [at, '0'],
          [at + 15, '1'],
        ],
      },
    ]),
  },
  'up ==': {
    status: 400,
    body: { status: 'error', errorType: 'bad_data', error: '1:6: parse error: unexpected end of input' },
  },
  overloaded: { status: 503, body: 'Service Unavailable' },
  html: { status: 200, body: '<html>login</html>' },
};

let prometheus: Running;
let requestedPaths: string[];

beforeAll(async () => {
  requestedPaths = [];
  prometheus = await startHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requestedPaths.push(url.pathname);
    const answer = answers[url.searchParams.get('query') ?? ''] ?? { status: 404, body: 'not found' };
    res.writeHead(answer.status, {
      'content-type': typeof answer.body === 'string' ? 'text/html' : 'application/json',
    });
    res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  });
});
afterAll(closeAll);

const prom = (query: string, url = `${prometheus.url}/prom/`): PrometheusMonitorSettings => ({
  type: 'prometheus',
  url,
  query,
  timeoutMs: 1_000,
});

const cases: { name: string; query: string; errorClass?: string; message?: RegExp }[] = [
  { name: 'a vector with a non-zero sample holds', query: 'up == 1' },
  {
    name: 'a vector of zeros does not hold',
    query: 'up == 0',
    errorClass: 'prometheus_false',
    message: /all 2 values of the vector result are 0 or NaN/,
  },
  {
    name: 'an empty vector does not hold',
    query: 'absent(up)',
    errorClass: 'prometheus_false',
    message: /the vector result is empty/,
  },
  { name: 'a non-zero scalar holds', query: 'scalar(1)' },
  {
    name: 'a zero scalar does not hold',
    query: 'scalar(0)',
    errorClass: 'prometheus_false',
    message: /all 1 values of the scalar result/,
  },
  { name: 'a NaN sample does not hold', query: 'NaN', errorClass: 'prometheus_false' },
  { name: 'an infinite sample holds', query: '+Inf' },
  { name: 'a matrix with a non-zero value holds', query: 'up[5m]' },
  {
    name: 'a query Prometheus cannot parse is an API error with its reason',
    query: 'up ==',
    errorClass: 'prometheus_error',
    message: /query failed with status 400 \(bad_data: 1:6: parse error: unexpected end of input\)/,
  },
  {
    name: 'a 503 is an API error',
    query: 'overloaded',
    errorClass: 'prometheus_error',
    message: /the response \(status 503\) is not JSON/,
  },
  {
    name: "a 200 that is not the API's JSON is an API error",
    query: 'html',
    errorClass: 'prometheus_error',
    message: /the response \(status 200\) is not JSON/,
  },
];

describe('the prometheus probe', () => {
  it.each(cases)('$name', async (c) => {
    const result = await prometheusProbe(prom(c.query), deadline(1_000));
    if (c.errorClass === undefined)
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true, detail: { httpStatus: 200 } });
    else {
      expect(result).toMatchObject({ ok: false, errorClass: c.errorClass });
      if (!result.ok) expect(result.message).toMatch(c.message ?? /./);
    }
  });

  it("asks the API under the base URL's own path", async () => {
    requestedPaths.length = 0;
    await prometheusProbe(prom('up == 1'), deadline(1_000));
    expect(requestedPaths).toEqual(['/prom/api/v1/query']);
  });

  it('encodes the query in the URL', () => {
    expect(queryUrl('http://prom:9090', 'sum(rate(x{a="b"}[5m])) > 0').href).toBe(
      'http://prom:9090/api/v1/query?query=sum%28rate%28x%7Ba%3D%22b%22%7D%5B5m%5D%29%29+%3E+0',
    );
  });

  it('is connection refused when Prometheus is not there', async () => {
    const result = await prometheusProbe(prom('up == 1', `http://127.0.0.1:${await closedPort()}`), deadline(1_000));
    expect(result).toMatchObject({ ok: false, errorClass: 'connection_refused' });
  });

  it('times out at the deadline when Prometheus does not answer', async () => {
    const hung = await startHttpServer(() => {});
    const { result, tookMs } = await timed(() => prometheusProbe(prom('up == 1', hung.url), deadline(500)));
    expect(result).toMatchObject({ ok: false, errorClass: 'timeout' });
    expect(tookMs).toBeLessThan(800);
  });
});
