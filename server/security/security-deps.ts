// What the security services need: the store, the current `security:` settings (read per call,
// so a config reload applies at once) and the clock (STYLE: passed in; tests use a fake one).
import type { Store } from '../../db/store.ts';
import type { SecurityConfig } from '../config/security-schema.ts';

export interface SecurityDeps {
  store: Store;
  settings: () => SecurityConfig;
  nowMs: () => number;
}

/** Who did something and from where, for the audit log. */
export interface Actor {
  name: string;
  address: string;
}
