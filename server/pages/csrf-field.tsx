// The hidden CSRF field every state-changing form carries (SPEC §6; checked by server/security/http/csrf.ts).
import type { PageContext } from './page-context.ts';

export function CsrfField({ ctx }: { ctx: Pick<PageContext, 'csrfToken'> }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}
