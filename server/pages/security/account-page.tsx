// /account: change the password (the current one is asked again), set up TOTP with a QR code and
// get recovery codes once, or turn TOTP off (where the two_factor setting allows). A pure view of
// the account account-route.ts reads and of the outcome of the last action.
import { raw } from 'hono/html';
import { CsrfField } from '../csrf-field.tsx';
import { fill } from '../i18n.ts';
import type { PageContext } from '../page-context.ts';
import type { PageBody } from '../page-body.ts';
import { securityMessages } from './security-messages.ts';
import { Errors, isoMinute } from './security-page-parts.tsx';

/** The signed-in account as its page shows it. */
export interface AccountData {
  username: string;
  /** Why the account must act before anything else (enrol, change an expired password), or null. */
  gate: string | null;
  totpEnabledMs: number | null;
  unusedRecoveryCodes: number;
  /** The two_factor setting requires TOTP of this account: it may not be turned off. */
  twoFactorRequired: boolean;
  minPasswordLength: number;
}

/** The outcome of the last action on the page. */
export interface AccountOutcome {
  notice?: string;
  errors?: string[];
  /** Enrolment in progress: the QR code's SVG and the secret. */
  enrolment?: { svg: string; secret: string };
  recoveryCodes?: string[];
}

type Messages = ReturnType<typeof securityMessages>;

interface AccountProps {
  ctx: PageContext;
  m: Messages;
  account: AccountData;
  outcome: AccountOutcome;
}

export function accountPage(ctx: PageContext, account: AccountData, outcome: AccountOutcome): PageBody {
  const m = securityMessages(ctx.lang);
  return {
    title: m.accountTitle,
    body: (
      <>
        <h1>{`${m.accountTitle}: ${account.username}`}</h1>
        {account.gate ? <p class="notice" role="alert">{`${m.gate} ${account.gate}`}</p> : null}
        {outcome.notice ? (
          <p class="notice" role="status">
            {outcome.notice}
          </p>
        ) : null}
        <Errors errors={outcome.errors ?? []} />
        <PasswordSection ctx={ctx} m={m} account={account} />
        <TwoFactorSection ctx={ctx} m={m} account={account} outcome={outcome} />
      </>
    ),
  };
}

function PasswordSection({ ctx, m, account }: Omit<AccountProps, 'outcome'>) {
  return (
    <section>
      <h2>{m.changePassword}</h2>
      <form method="post" action="/account/password">
        <CsrfField ctx={ctx} />
        <CurrentPassword m={m} />
        <label>
          {m.newPassword}{' '}
          <input
            name="password"
            type="password"
            autocomplete="new-password"
            required
            minlength={account.minPasswordLength}
          />
        </label>
        <button type="submit">{m.save}</button>
      </form>
    </section>
  );
}

function CurrentPassword({ m }: { m: Messages }) {
  return (
    <label>
      {m.currentPassword} <input name="current" type="password" autocomplete="current-password" required />
    </label>
  );
}

/** Recovery codes just issued, then the state: on (with turning off), enrolling, or off. */
function TwoFactorSection({ ctx, m, account, outcome }: AccountProps) {
  return (
    <section>
      <h2>{m.twoFactor}</h2>
      {outcome.recoveryCodes ? <RecoveryCodes m={m} codes={outcome.recoveryCodes} /> : null}
      {account.totpEnabledMs !== null ? (
        <TwoFactorOn ctx={ctx} m={m} account={account} enabledMs={account.totpEnabledMs} />
      ) : outcome.enrolment ? (
        <Enrolment ctx={ctx} m={m} enrolment={outcome.enrolment} />
      ) : (
        <>
          <p>{m.twoFactorOff}</p>
          <form method="post" action="/account/two-factor/start">
            <CsrfField ctx={ctx} />
            <button type="submit">{m.enrol}</button>
          </form>
        </>
      )}
    </section>
  );
}

function RecoveryCodes({ m, codes }: { m: Messages; codes: string[] }) {
  return (
    <div class="recovery-codes">
      <h3>{m.recoveryTitle}</h3>
      <p>{m.recoveryIntro}</p>
      <ul>
        {codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

function TwoFactorOn({ ctx, m, account, enabledMs }: Omit<AccountProps, 'outcome'> & { enabledMs: number }) {
  return (
    <>
      <p>{fill(m.twoFactorOn, { since: isoMinute(enabledMs, ''), count: account.unusedRecoveryCodes })}</p>
      {account.twoFactorRequired ? null : (
        <form method="post" action="/account/two-factor/disable">
          <CsrfField ctx={ctx} />
          <CurrentPassword m={m} />
          <button type="submit">{m.disable}</button>
        </form>
      )}
    </>
  );
}

/** The QR code's SVG comes from qrcode: paths only, no script. */
function Enrolment({
  ctx,
  m,
  enrolment,
}: {
  ctx: PageContext;
  m: Messages;
  enrolment: { svg: string; secret: string };
}) {
  return (
    <>
      <p>{m.enrolScan}</p>
      <figure class="totp-qr">{raw(enrolment.svg)}</figure>
      <p>
        {m.secret}: <code>{enrolment.secret}</code>
      </p>
      <form method="post" action="/account/two-factor/confirm">
        <CsrfField ctx={ctx} />
        <label>
          {m.totpCode} <input name="code" autocomplete="one-time-code" inputmode="numeric" required />
        </label>
        <button type="submit">{m.confirm}</button>
      </form>
    </>
  );
}
