// What the alert, incident and maintenance views share: a notice (a saved change or a failed
// action) and the reason a change to a closed month needs.
import type { Lang } from '../i18n.ts';
import { commsMessages } from './comms-messages.ts';

export function Notice({ text, error }: { text: string | null; error?: boolean }) {
  if (!text) return null;
  return (
    <p class={error ? 'notice notice-error' : 'notice'} role={error ? 'alert' : 'status'}>
      {text}
    </p>
  );
}

/** Why a change is made: required by the action when it touches a closed month. */
export function ReasonInput({ lang }: { lang: Lang }) {
  const m = commsMessages(lang);
  return (
    <>
      <label>
        {m.reason} <input type="text" name="reason" maxlength={500} aria-describedby="reason-hint" />
      </label>
      <p class="muted" id="reason-hint">
        {m.reasonHint}
      </p>
    </>
  );
}
