// Cross-field checks inside one mapping (timeout < interval, end > start, …) run whenever the
// fields they read parsed cleanly, even if other fields of the same mapping failed: a bad `url`
// must not hide a bad `quorum`. zod skips such checks by default once anything failed.

import type { z } from 'zod';

/** `superRefine` params: run when `payload.value` is a mapping and none of `keys` has an issue. */
export function whenValid(...keys: string[]): { when: (payload: z.core.ParsePayload) => boolean } {
  return {
    when: (payload) =>
      typeof payload.value === 'object' &&
      payload.value !== null &&
      !Array.isArray(payload.value) &&
      !payload.issues.some((issue) => keys.includes(String(issue.path?.[0]))),
  };
}
