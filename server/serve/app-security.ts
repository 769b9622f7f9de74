// The security deps serve hands to createApp (SPEC §6), in one place so tests build the same.
import type { Store } from '../../db/store.ts';
import type { SlawatchConfig } from '../config/types.ts';
import type { SecurityAppDeps } from '../security/http/security-middleware.ts';
import { sameSecret } from '../security/secrets.ts';

export function appSecurity(
  store: Store,
  config: () => SlawatchConfig,
  nowMs: () => number,
  tls: boolean,
): SecurityAppDeps {
  return {
    store,
    settings: () => config().security,
    nowMs,
    tls,
    // The Alertmanager receiver's own token (config `alertmanager.token`), on its one route only.
    foreignBearer: (path, value) => {
      const receiver = config().alertmanager;
      return path === '/api/v1/alertmanager' && receiver && sameSecret(value, receiver.token)
        ? { name: 'alertmanager (config token)', scopes: ['alertmanager'] }
        : null;
    },
  };
}
