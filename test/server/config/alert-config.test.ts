// The config keys for alerting: alerts, alertmanager and status_page, with their errors.
import { describe, expect, it } from 'vitest';
import { formatConfigErrors, parseConfigText } from '../../../server/config/load-config.ts';

function load(text: string) {
  const result = parseConfigText(text, {}, 'test.yaml');
  return result.ok
    ? { config: result.config, errors: '' }
    : { config: null, errors: formatConfigErrors(result.errors, 'test.yaml') };
}

describe('alert configuration', () => {
  it('reads the budget window, the TLS horizon, the receiver and the status page', () => {
    const { config } = load(
      'services:\n  - { id: shop, status_page: true }\nalerts: { budget_window: 28d, ' +
        'tls_expiry_within: 21d }\nalertmanager: { token: am-token-0123456789abcdef, service: shop }\n',
    );
    expect(config?.alerts).toEqual({ budgetWindowMs: 28 * 86_400_000, tlsExpiryWithinMs: 21 * 86_400_000 });
    expect(config?.alertmanager).toEqual({ token: 'am-token-0123456789abcdef', serviceId: 'shop' });
    expect(config!.services[0]!.statusPage).toBe(true);
  });

  it.each([
    ['a budget window under an hour', 'alerts: { budget_window: 30m }\n', /alerts\.budget_window: /],
    [
      'a short receiver token',
      'alertmanager: { token: short }\n',
      /alertmanager\.token: must be 16 to 256 URL-safe characters/,
    ],
    [
      'a receiver service that does not exist',
      'alertmanager: { token: am-token-0123456789abcdef, service: nope }\n',
      /alertmanager\.service: unknown service "nope"/,
    ],
    ['an unknown key under alerts', 'alerts: { budget: 30d }\n', /alerts\.budget: unknown key/],
    [
      'a status_page that is not a boolean',
      'services:\n  - { id: shop, status_page: yes please }\n',
      /services\[0\]\.status_page: /,
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(load(`${text.startsWith('services') ? '' : 'services:\n  - { id: shop }\n'}${text}`).errors).toMatch(
      message,
    );
  });
});
