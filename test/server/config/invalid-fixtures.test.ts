// As blackbox_exporter keeps its invalid configs: each test/fixtures/config/invalid/NAME.yaml
// sits beside NAME.errors, the exact lines `slawatch check` prints for it. Every error of a
// file is listed, in file order.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatConfigErrors } from '../../../server/config/config-errors.ts';
import { parseConfigText } from '../../../server/config/load-config.ts';

const dir = new URL('../../fixtures/config/invalid/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

/** Set for every fixture, so only env-variables.yaml (which names unset variables) has env errors. */
const env = {
  BACKUP_PUSH_TOKEN: '0123456789abcdef0123',
  SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T000/B000/XXXX',
  SMTP_URL: 'smtp://mail.example.com:587',
};

describe('invalid config fixtures', () => {
  it('has fixtures, each with its .errors file', () => {
    expect(fixtures.length).toBeGreaterThan(10);
    const errorFiles = readdirSync(dir).filter((name) => name.endsWith('.errors'));
    expect(errorFiles.sort()).toEqual(fixtures.map((name) => name.replace(/\.yaml$/, '.errors')));
  });

  it.each(fixtures)('%s is refused with exactly its .errors lines', (name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    const expected = readFileSync(new URL(name.replace(/\.yaml$/, '.errors'), dir), 'utf8').trimEnd();
    const result = parseConfigText(text, env, name);
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('config'); // never a partial config
    if (result.ok) return;
    expect(formatConfigErrors(result.errors, name)).toBe(expected);
  });

  it('reports every mistake of a file with several, not just the first', () => {
    const name = 'several-errors.yaml';
    const result = parseConfigText(readFileSync(new URL(name, dir), 'utf8'), env, name);
    expect(!result.ok && result.errors.map((error) => error.path)).toEqual([
      'services[0].history_from', // no offset
      'services[0].notify_customers[0]', // an undefined channel
      'services[0].monitors[0].quorum', // 4 of 3 locations
      'services[0].monitors[0].expect.max_latency', // 3x
      'services[0].monitors[1].intervall', // a typo
      'services[0].claims[0].min', // 99.99 without %
      'services[0].claims[1].min', // mttr is an upper bound
      'services[0].claims[3].id', // a duplicate claim id
      'services[0].claims[4].monitor', // not a push monitor
      'services[0].maintenance[0].end', // ends before it starts
    ]);
  });
});
