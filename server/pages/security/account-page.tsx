// /account: change the password (the current one is asked again), set up TOTP with a QR code and
// get recovery codes once, or turn TOTP off (where the two_factor setting allows). An account that
// must enrol or change an expired password is sent here first (authorize.ts).
import type { Context, Hono } from 'hono';
import { raw } from 'hono/html';
import QRCode from 'qrcode';
import type { User } from '../../../db/security-store.ts';
import {
  changePassword,
  confirmTotpEnrolment,
  disableTotp,
  startTotpEnrolment,
  twoFactorRequired,
} from '../../security/accounts.ts';
import { accountGate } from '../../security/http/authorize.ts';
import { verifyPassword } from '../../security/passwords.ts';
import { totpUri } from '../../security/totp.ts';
import { CsrfField } from '../csrf-field.tsx';
import { fill } from '../i18n.ts';
import { actorOf, Errors, form, isoMinute, securityPage, type SecurityPageDeps } from './security-page-kit.tsx';

interface AccountView {
  notice?: string;
  errors?: string[];
  /** Enrolment in progress: the QR code's SVG and the secret. */
  enrolment?: { svg: string; secret: string };
  recoveryCodes?: string[];
}

export function registerAccountPage(app: Hono, { security, pages }: SecurityPageDeps): void {
  const userOf = async (c: Context): Promise<User> => {
    const p = c.get('principal');
    if (p.kind !== 'user') throw new Error('authorize lets only accounts reach /account');
    return (await security.store.security.getUser(p.user.id))!;
  };

  const show = async (c: Context, view: AccountView, status?: 400) => {
    const user = await userOf(c);
    const gate = accountGate(security, user);
    const left = await security.store.security.countUnusedRecoveryCodes(user.id);
    return securityPage(
      c,
      pages,
      (m) => m.accountTitle,
      (ctx, m) => (
        <>
          <h1>{`${m.accountTitle}: ${user.username}`}</h1>
          {gate ? <p class="notice" role="alert">{`${m.gate} ${gate}`}</p> : null}
          {view.notice ? (
            <p class="notice" role="status">
              {view.notice}
            </p>
          ) : null}
          <Errors errors={view.errors ?? []} />
          <section>
            <h2>{m.changePassword}</h2>
            <form method="post" action="/account/password">
              <CsrfField ctx={ctx} />
              <label>
                {m.currentPassword} <input name="current" type="password" autocomplete="current-password" required />
              </label>
              <label>
                {m.newPassword}{' '}
                <input
                  name="password"
                  type="password"
                  autocomplete="new-password"
                  required
                  minlength={security.settings().password.minLength}
                />
              </label>
              <button type="submit">{m.save}</button>
            </form>
          </section>
          <section>
            <h2>{m.twoFactor}</h2>
            {view.recoveryCodes ? (
              <div class="recovery-codes">
                <h3>{m.recoveryTitle}</h3>
                <p>{m.recoveryIntro}</p>
                <ul>
                  {view.recoveryCodes.map((code) => (
                    <li>
                      <code>{code}</code>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {user.totpEnabledMs !== null ? (
              <>
                <p>{fill(m.twoFactorOn, { since: isoMinute(user.totpEnabledMs, ''), count: left })}</p>
                {twoFactorRequired(security, user) ? null : (
                  <form method="post" action="/account/two-factor/disable">
                    <CsrfField ctx={ctx} />
                    <label>
                      {m.currentPassword}{' '}
                      <input name="current" type="password" autocomplete="current-password" required />
                    </label>
                    <button type="submit">{m.disable}</button>
                  </form>
                )}
              </>
            ) : view.enrolment ? (
              <>
                <p>{m.enrolScan}</p>
                <figure class="totp-qr">{raw(view.enrolment.svg)}</figure>
                <p>
                  {m.secret}: <code>{view.enrolment.secret}</code>
                </p>
                <form method="post" action="/account/two-factor/confirm">
                  <CsrfField ctx={ctx} />
                  <label>
                    {m.totpCode} <input name="code" autocomplete="one-time-code" inputmode="numeric" required />
                  </label>
                  <button type="submit">{m.confirm}</button>
                </form>
              </>
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
        </>
      ),
      status,
    );
  };

  app.get('/account', (c) => show(c, {}));

  app.post('/account/password', async (c) => {
    const user = await userOf(c);
    const body = await form(c);
    if (!(await verifyPassword(user.passwordHash, body.current ?? '')))
      return show(c, { errors: ['current: the current password is wrong'] }, 400);
    const changed = await changePassword(security, user, body.password ?? '', actorOf(c));
    return changed.ok ? show(c, { notice: 'Password changed.' }) : show(c, { errors: changed.errors }, 400);
  });

  const enrolmentView = async (user: User): Promise<AccountView['enrolment']> => {
    // The SVG comes from qrcode (paths only, no script); the URI holds the secret, so it is
    // rendered here and never sent to a third-party QR service.
    const svg = await QRCode.toString(totpUri(user.totpSecret!, user.username), {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    });
    return { svg, secret: user.totpSecret! };
  };

  app.post('/account/two-factor/start', async (c) => {
    const user = await userOf(c);
    if (user.totpEnabledMs !== null) return show(c, {});
    await startTotpEnrolment(security, user);
    return show(c, { enrolment: await enrolmentView((await security.store.security.getUser(user.id))!) });
  });

  app.post('/account/two-factor/confirm', async (c) => {
    const user = await userOf(c);
    const body = await form(c);
    const result = await confirmTotpEnrolment(security, user, body.code ?? '', actorOf(c));
    if (!result.ok)
      return show(
        c,
        {
          errors: result.errors,
          enrolment: user.totpSecret && user.totpEnabledMs === null ? await enrolmentView(user) : undefined,
        },
        400,
      );
    return show(c, { recoveryCodes: result.value });
  });

  app.post('/account/two-factor/disable', async (c) => {
    const user = await userOf(c);
    const body = await form(c);
    if (twoFactorRequired(security, user))
      return show(c, { errors: ['two-factor sign-in is required for this account'] }, 400);
    if (!(await verifyPassword(user.passwordHash, body.current ?? '')))
      return show(c, { errors: ['current: the current password is wrong'] }, 400);
    await disableTotp(security, user, actorOf(c));
    return show(c, {});
  });
}
