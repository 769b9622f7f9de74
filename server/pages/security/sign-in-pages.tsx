// The sign-in pages (SPEC §6): username and password, the TOTP step, and the first admin's setup.
// Pure views of what sign-in-route.ts gives them; a failed sign-in is worded here, in the
// page's language.
import { CsrfField } from '../csrf-field.tsx';
import { fill } from '../i18n.ts';
import type { PageContext } from '../page-context.ts';
import type { PageBody } from '../page-body.ts';
import { securityMessages } from './security-messages.ts';
import { Errors, isoMinute } from './security-page-parts.tsx';

/** Why the last attempt failed: a wrong password or code, or the lock it ran into. */
export type SignInFailure = { reason: 'invalid' } | { reason: 'locked'; untilMs: number };

type Messages = ReturnType<typeof securityMessages>;

function failureText(m: Messages, failure: SignInFailure | null, invalid: string): string[] {
  if (!failure) return [];
  return [failure.reason === 'locked' ? fill(m.locked, { until: isoMinute(failure.untilMs, '') }) : invalid];
}

export interface LoginData {
  /** Where to go once signed in (a same-site path). */
  next: string;
  username: string;
  failure: SignInFailure | null;
}

export function loginPage(ctx: PageContext, { next, username, failure }: LoginData): PageBody {
  const m = securityMessages(ctx.lang);
  return {
    title: m.signIn,
    body: (
      <section class="auth-form">
        <h1>{m.signIn}</h1>
        <Errors errors={failureText(m, failure, m.signInFailed)} />
        <form method="post" action="/login">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="next" value={next} />
          <label>
            {m.username} <input name="username" autocomplete="username" required value={username} />
          </label>
          <label>
            {m.password} <input name="password" type="password" autocomplete="current-password" required />
          </label>
          <button type="submit">{m.signIn}</button>
        </form>
      </section>
    ),
  };
}

export function totpPage(ctx: PageContext, { next, failure }: Omit<LoginData, 'username'>): PageBody {
  const m = securityMessages(ctx.lang);
  return {
    title: m.totpTitle,
    body: (
      <section class="auth-form">
        <h1>{m.totpTitle}</h1>
        <Errors errors={failureText(m, failure, m.totpFailed)} />
        <form method="post" action="/login/totp">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="next" value={next} />
          <label>
            {m.totpCode} <input name="code" autocomplete="one-time-code" inputmode="numeric" required />
          </label>
          <button type="submit">{m.verify}</button>
        </form>
      </section>
    ),
  };
}

export interface SetupData {
  errors: string[];
  username: string;
  minPasswordLength: number;
}

export function setupPage(ctx: PageContext, { errors, username, minPasswordLength }: SetupData): PageBody {
  const m = securityMessages(ctx.lang);
  return {
    title: m.setupTitle,
    body: (
      <section class="auth-form">
        <h1>{m.setupTitle}</h1>
        <p>{m.setupIntro}</p>
        <Errors errors={errors} />
        <form method="post" action="/setup">
          <CsrfField ctx={ctx} />
          <label>
            {m.username} <input name="username" autocomplete="username" required value={username} />
          </label>
          <label>
            {m.password}{' '}
            <input name="password" type="password" autocomplete="new-password" required minlength={minPasswordLength} />
          </label>
          <button type="submit">{m.create}</button>
        </form>
      </section>
    ),
  };
}
