// The signed-in account in the page header (SPEC §6): who, the account page, the admin pages for
// admins, and sign-out (a POST with the CSRF token: a link could be fired by another site).
import type { PageContext } from './page-context.ts';
import { CsrfField } from './csrf-field.tsx';
import { accountMenuMessages } from './account-menu-messages.ts';

export function AccountMenu({ ctx }: { ctx: PageContext }) {
  if (!ctx.account) return null;
  const m = accountMenuMessages(ctx.lang);
  return (
    <nav class="account-menu" aria-label={m.account}>
      <ul>
        <li>
          <a href={`/account?lang=${ctx.lang}`}>{`${ctx.account.username} (${m.roles[ctx.account.role]})`}</a>
        </li>
        {ctx.account.role === 'admin' ? (
          <>
            <li>
              <a href={`/admin/users?lang=${ctx.lang}`}>{m.users}</a>
            </li>
            <li>
              <a href={`/admin/tokens?lang=${ctx.lang}`}>{m.tokens}</a>
            </li>
            <li>
              <a href={`/admin/audit?lang=${ctx.lang}`}>{m.audit}</a>
            </li>
          </>
        ) : null}
        <li>
          <form method="post" action="/logout" class="inline-form">
            <CsrfField ctx={ctx} />
            <button type="submit">{m.signOut}</button>
          </form>
        </li>
      </ul>
    </nav>
  );
}
