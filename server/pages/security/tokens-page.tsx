// /admin/tokens: API tokens with their scopes, expiry and last use; create one (its value is
// shown once, on the answer to the POST), revoke one (SPEC §6). A pure view of what
// tokens-route.ts reads.
import { tokenScopes, type ApiToken } from '../../../db/security-store.ts';
import { CsrfField } from '../csrf-field.tsx';
import type { PageContext } from '../page-context.ts';
import type { PageBody } from '../page-body.ts';
import { securityMessages } from './security-messages.ts';
import { Errors, isoMinute } from './security-page-parts.tsx';

export interface TokensPageData {
  tokens: ApiToken[];
  errors: string[];
  /** The value of the token just created: shown this once, never stored. */
  created: string | null;
}

type Messages = ReturnType<typeof securityMessages>;

export function tokensPage(ctx: PageContext, { tokens, errors, created }: TokensPageData): PageBody {
  const m = securityMessages(ctx.lang);
  return {
    title: m.tokensTitle,
    body: (
      <>
        <h1>{m.tokensTitle}</h1>
        <Errors errors={errors} />
        {created ? (
          <p class="notice" role="status">
            {m.tokenShown} <code data-new-token>{created}</code>
          </p>
        ) : null}
        <TokensTable ctx={ctx} m={m} tokens={tokens} />
        <h2>{m.newToken}</h2>
        <NewTokenForm ctx={ctx} m={m} />
      </>
    ),
  };
}

function TokensTable({ ctx, m, tokens }: { ctx: PageContext; m: Messages; tokens: ApiToken[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th>{m.name}</th>
          <th>{m.scopes}</th>
          <th>{m.createdBy}</th>
          <th>{m.expires}</th>
          <th>{m.lastUsed}</th>
          <th>{m.actions}</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <tr>
            <td>{t.name}</td>
            <td>{t.scopes.join(', ')}</td>
            <td>{t.createdBy}</td>
            <td>{isoMinute(t.expiresMs, m.never)}</td>
            <td>{isoMinute(t.lastUsedMs, m.never)}</td>
            <td>
              {t.revokedMs !== null ? (
                m.revoked
              ) : (
                <form method="post" action={`/admin/tokens/${t.id}/revoke`} class="inline-form">
                  <CsrfField ctx={ctx} />
                  <button type="submit">{m.revoke}</button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NewTokenForm({ ctx, m }: { ctx: PageContext; m: Messages }) {
  return (
    <form method="post" action="/admin/tokens">
      <CsrfField ctx={ctx} />
      <label>
        {m.name} <input name="name" required maxlength={64} />
      </label>
      <fieldset>
        <legend>{m.scopes}</legend>
        {tokenScopes.map((s) => (
          <label>
            <input type="checkbox" name="scopes" value={s} /> {s}
          </label>
        ))}
      </fieldset>
      <label>
        {m.expiresDays} <input name="expires_days" type="number" min={1} max={3650} value="90" />
      </label>
      <button type="submit">{m.create}</button>
    </form>
  );
}
