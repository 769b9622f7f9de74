import { describe, expect, it } from 'vitest';
import { substituteEnv, substituteString } from '../../../server/config/env-substitution.ts';
import { parseConfigText } from '../../../server/config/load-config.ts';

describe('substituteString', () => {
  const env = { TOKEN: 'abc', EMPTY: '', PORT: '8080' };

  it.each([
    ['a set variable', '${TOKEN}', 'abc'],
    ['a variable inside text', 'Bearer ${TOKEN}!', 'Bearer abc!'],
    ['two variables', '${TOKEN}:${PORT}', 'abc:8080'],
    ['the default of an unset variable', '${NOPE:-fallback}', 'fallback'],
    ['the default of an empty variable (as in the shell)', '${EMPTY:-fallback}', 'fallback'],
    ['an empty default', '${NOPE:-}', ''],
    ['a default with colons and slashes', '${NOPE:-http://localhost:3000/x}', 'http://localhost:3000/x'],
    ['a set variable over its default', '${TOKEN:-fallback}', 'abc'],
    ['an empty variable without default', '[${EMPTY}]', '[]'],
    ['$${ as a literal ${', 'cost: $${TOKEN}', 'cost: ${TOKEN}'],
    ['a lone $', 'pa$$word $5', 'pa$$word $5'],
  ])('substitutes %s', (_, input, expected) => {
    expect(substituteString(input, env)).toEqual({ text: expected, messages: [] });
  });

  it.each([
    [
      'a missing variable',
      '${NOPE}',
      ['environment variable NOPE is not set (write ${NOPE:-default} to give a default)'],
    ],
    ['an unterminated reference', '${TOKEN', ['unterminated "${" (write $${ for a literal "${")']],
    ['an invalid name', '${1ST}', ['invalid variable reference "${1ST}" (use ${NAME} or ${NAME:-default})']],
    [
      'two missing variables, both reported',
      '${A}/${B}',
      [
        'environment variable A is not set (write ${A:-default} to give a default)',
        'environment variable B is not set (write ${B:-default} to give a default)',
      ],
    ],
  ])('reports %s', (_, input, messages) => {
    expect(substituteString(input, env).messages).toEqual(messages);
  });
});

describe('substituteEnv', () => {
  it('substitutes string values at any depth, leaves keys and other scalars alone, and paths its errors', () => {
    const input = { '${KEY}': '${V}', list: [1, true, null, { deep: '${MISSING}' }] };
    const result = substituteEnv(input, { KEY: 'k', V: 'v' });
    expect(result.value).toEqual({ '${KEY}': 'v', list: [1, true, null, { deep: '' }] });
    expect(result.errors).toEqual([
      {
        path: ['list', 3, 'deep'],
        message: 'environment variable MISSING is not set (write ${MISSING:-default} to give a default)',
      },
    ]);
  });
});

describe('env substitution in a config file', () => {
  const config = (secret: string) => `
notifications:
  - { id: ops, type: webhook, url: "https://hooks.example.com/slawatch", secret: "${secret}" }
`;

  it('cannot inject YAML: a value with newlines, quotes and brackets stays one string', () => {
    const injected = 'x"}\n  - { id: evil, type: slack, url: "https://evil.example.com" }\nadmin: true';
    const result = parseConfigText(config('${HOOK_SECRET}'), { HOOK_SECRET: injected }, 'env.yaml');
    // Substituted into raw text, this would add a channel and a top-level key (refused as unknown).
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.notifications).toEqual([
      { id: 'ops', type: 'webhook', url: 'https://hooks.example.com/slawatch', secret: injected, repeatMs: 14_400_000 },
    ]);
  });

  it('does not read ${…} inside a substituted value again', () => {
    const result = parseConfigText(config('${HOOK_SECRET}'), { HOOK_SECRET: '${OTHER}', OTHER: 'leak' }, 'env.yaml');
    expect(result.ok && result.config.notifications[0]).toMatchObject({ secret: '${OTHER}' });
  });

  it('substitutes numbers given as text where an integer is expected', () => {
    const result = parseConfigText('server: { port: "${PORT:-3000}" }\n', { PORT: '8080' }, 'env.yaml');
    expect(result.ok && result.config.server.port).toBe(8080);
  });

  it('uses the default when the variable is unset', () => {
    const result = parseConfigText('server: { port: "${PORT:-3000}" }\n', {}, 'env.yaml');
    expect(result.ok && result.config.server.port).toBe(3000);
  });

  it('reports a missing variable once, not again as an invalid value', () => {
    const text = 'notifications:\n  - { id: ops, type: slack, url: "${SLACK_WEBHOOK_URL}" }\n';
    expect(parseConfigText(text, {}, 'env.yaml')).toEqual({
      ok: false,
      errors: [
        {
          path: 'notifications[0].url',
          message:
            'environment variable SLACK_WEBHOOK_URL is not set (write ${SLACK_WEBHOOK_URL:-default} to give a default)',
        },
      ],
    });
  });
});
