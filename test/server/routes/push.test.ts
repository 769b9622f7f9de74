import { describe, expect, it } from 'vitest';
import { backupToken, cronToken, fixedNowMs, testApp } from '../app/test-app.ts';
import { maxPushMessageLength } from '../../../server/routes/push-params.ts';

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
const multipart = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields) });

describe('push endpoint: accepted pushes', () => {
  it.each<
    [
      string,
      string,
      RequestInit | undefined,
      { status: 'up' | 'down'; message: string | null; latencyMs: number | null },
    ]
  >([
    ['a bare GET is an up push', '', undefined, { status: 'up', message: null, latencyMs: null }],
    ['a bare POST is an up push', '', { method: 'POST' }, { status: 'up', message: null, latencyMs: null }],
    [
      'query parameters',
      '?status=down&msg=disk%20full&ping=12.5',
      undefined,
      { status: 'down', message: 'disk full', latencyMs: 12.5 },
    ],
    ['status in another case', '?status=DOWN', undefined, { status: 'down', message: null, latencyMs: null }],
    [
      'an empty ping (a wrapper that measured nothing)',
      '?status=up&msg=OK&ping=',
      undefined,
      { status: 'up', message: 'OK', latencyMs: null },
    ],
    [
      'a JSON body',
      '',
      json({ status: 'down', msg: 'dump failed', ping: 30 }),
      { status: 'down', message: 'dump failed', latencyMs: 30 },
    ],
    [
      'an empty JSON body',
      '',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '' },
      { status: 'up', message: null, latencyMs: null },
    ],
    [
      'a form body',
      '',
      form({ status: 'down', msg: 'rsync exit 23' }),
      { status: 'down', message: 'rsync exit 23', latencyMs: null },
    ],
    [
      'a multipart form body',
      '',
      { method: 'POST', body: multipart({ status: 'down', ping: '7' }) },
      { status: 'down', message: null, latencyMs: 7 },
    ],
    [
      'body fields over query parameters',
      '?status=down&msg=from-query',
      json({ status: 'up' }),
      { status: 'up', message: 'from-query', latencyMs: null },
    ],
    [
      'a plain-text body, ignored',
      '?msg=q',
      { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'status=down' },
      { status: 'up', message: 'q', latencyMs: null },
    ],
    [
      'unknown parameters, ignored',
      '?status=up&host=db1&duration=3',
      undefined,
      { status: 'up', message: null, latencyMs: null },
    ],
  ])('records %s', async (_, query, init, expected) => {
    const { app, pushes } = testApp();
    const res = await app.request(`/api/v1/push/${backupToken}${query}`, init);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(pushes).toEqual([{ serviceId: 'shop', monitorId: 'backup', timeMs: fixedNowMs, ...expected }]);
  });

  it('records the push against the monitor whose token it is', async () => {
    const { app, pushes } = testApp();
    await app.request(`/api/v1/push/${cronToken}`);
    expect(pushes.map((p) => [p.serviceId, p.monitorId])).toEqual([['batch', 'cron']]);
  });

  it(`cuts a message longer than ${maxPushMessageLength} characters`, async () => {
    const { app, pushes } = testApp();
    const res = await app.request(`/api/v1/push/${backupToken}`, json({ msg: 'x'.repeat(5_000) }));
    expect(res.status).toBe(200);
    expect(pushes[0]!.message).toHaveLength(maxPushMessageLength);
  });

  it('sees a config reload at once: an old token stops working, a new one works', async () => {
    const { app, pushes, targets } = testApp();
    targets[0] = { serviceId: 'shop', monitorId: 'backup', token: 'rotated-token-9876543210' };
    expect((await app.request(`/api/v1/push/${backupToken}`)).status).toBe(404);
    expect((await app.request('/api/v1/push/rotated-token-9876543210')).status).toBe(200);
    expect(pushes).toHaveLength(1);
  });
});

describe('push endpoint: refused pushes', () => {
  it.each([
    ['an unknown token', '/api/v1/push/not-a-configured-token'],
    ['a prefix of a real token', `/api/v1/push/${backupToken.slice(0, -1)}`],
    ['a real token with more after it', `/api/v1/push/${backupToken}0`],
    [
      'an unknown token with a bad status (the token is checked first)',
      '/api/v1/push/not-a-configured-token?status=sideways',
    ],
  ])('answers 404 to %s and says nothing more', async (_, path) => {
    const { app, pushes } = testApp();
    const res = await app.request(path);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: 'unknown push token' });
    expect(pushes).toEqual([]);
  });

  it.each<[string, string, RequestInit | undefined, number, string]>([
    ['a bad status', '?status=sideways', undefined, 400, 'status must be "up" or "down"'],
    ['a bad status in a JSON body', '', json({ status: 'ok' }), 400, 'status must be "up" or "down"'],
    [
      'a ping that is not a number',
      '?ping=fast',
      undefined,
      400,
      'ping must be a latency in milliseconds (a number ≥ 0)',
    ],
    ['a negative ping', '?ping=-3', undefined, 400, 'ping must be a latency in milliseconds (a number ≥ 0)'],
    [
      'a bad status and a bad ping',
      '?status=x&ping=y',
      undefined,
      400,
      'status must be "up" or "down"; ping must be a latency in milliseconds (a number ≥ 0)',
    ],
    ['a message that is an object', '', json({ msg: { text: 'hi' } }), 400, 'msg must be a single value'],
    [
      'a body that is not JSON',
      '',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{status:' },
      400,
      'the body is not valid JSON',
    ],
    ['a JSON body that is an array', '', json(['up']), 400, 'a JSON body must be an object'],
    [
      'a body over 64 KiB',
      '',
      { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x'.repeat(65 * 1024) },
      413,
      'the push body is too large',
    ],
  ])('refuses %s with a clear message', async (_, query, init, status, error) => {
    const { app, pushes } = testApp();
    const res = await app.request(`/api/v1/push/${backupToken}${query}`, init);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ ok: false, error });
    expect(pushes).toEqual([]);
  });

  it('answers 404 when the recorder no longer knows the monitor (removed by a reload a moment ago)', async () => {
    const { app } = testApp({ recordPush: () => false });
    const res = await app.request(`/api/v1/push/${backupToken}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: 'unknown push token' });
  });

  it('records nothing on HEAD, which is a safe method', async () => {
    const { app, pushes } = testApp();
    const res = await app.request(`/api/v1/push/${backupToken}`, { method: 'HEAD' });
    expect(res.status).toBe(405);
    expect(pushes).toEqual([]);
  });

  it('answers other methods with a JSON 404', async () => {
    const { app } = testApp();
    const res = await app.request(`/api/v1/push/${backupToken}`, { method: 'PUT' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: 'not found' });
  });

  it('answers 500 without details when the recorder fails, and reports the error with the token redacted', async () => {
    const { app, errors } = testApp({
      recordPush: () => {
        throw new Error('SQLITE_BUSY: database is locked');
      },
    });
    const res = await app.request(`/api/v1/push/${backupToken}?status=down`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ ok: false, error: 'internal server error' });
    expect(text).not.toMatch(/SQLITE|at |\.ts/);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('/api/v1/push/[redacted]');
    expect(errors[0]!.method).toBe('GET');
  });
});

describe('push endpoint: the token never reaches a log', () => {
  it('logs every push request with the token redacted, whatever the outcome', async () => {
    const { app, logs } = testApp();
    await app.request(`/api/v1/push/${backupToken}?status=up`); // 200
    await app.request(`/api/v1/push/${backupToken}?status=bad`); // 400
    await app.request('/api/v1/push/guessed-token-000000000'); // 404
    await app.request(`/api/v1//push/${backupToken}`); // a mistyped URL: no route, 404
    expect(logs.map((l) => [l.method, l.path, l.status])).toEqual([
      ['GET', '/api/v1/push/[redacted]', 200],
      ['GET', '/api/v1/push/[redacted]', 400],
      ['GET', '/api/v1/push/[redacted]', 404],
      ['GET', '/api/v1//push/[redacted]', 404],
    ]);
    expect(JSON.stringify(logs)).not.toContain('token');
  });
});
