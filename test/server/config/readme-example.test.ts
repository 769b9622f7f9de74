// The README's configuration reference is a real config: it must load as written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../server/config/load-config.ts';

describe('the README configuration example', () => {
  it('loads with the variables it references set', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    const env = {
      BACKUP_PUSH_TOKEN: 'abcdefghijklmnop1234',
      SLACK_WEBHOOK_URL: 'http://127.0.0.1:9/s',
      HOOK_SECRET: 's3cret',
      SMTP_URL: 'smtp://127.0.0.1:25',
      ALERTMANAGER_TOKEN: 'am-token-0123456789abcdef',
    };
    const result = parseConfigText(yaml!, env, 'README.md');
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.config.services[0]!.spec.claims.map((c) => c.id)).toContain('latency');
  });
});
