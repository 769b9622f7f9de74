// The change record of an incident or maintenance window (who, when, what) and its deliveries.
import type { Change, Delivery } from '../../../db/comms-store.ts';
import { formatDateTime, type Lang } from '../i18n.ts';
import { commsMessages } from './comms-messages.ts';

export function ChangeList({
  lang,
  zone,
  changes,
  deliveries,
}: {
  lang: Lang;
  zone: string;
  changes: Change[];
  deliveries: Delivery[];
}) {
  const m = commsMessages(lang);
  return (
    <>
      <h2>{m.changes}</h2>
      {changes.length === 0 ? (
        <p>{m.noChanges}</p>
      ) : (
        <div class="table-wrap">
          <table class="changes">
            <thead>
              <tr>
                <th scope="col">{m.when}</th>
                <th scope="col">{m.who}</th>
                <th scope="col">{m.what}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((ch) => (
                <tr>
                  <td>{formatDateTime(lang, ch.timeMs, zone)}</td>
                  <td>{ch.actor}</td>
                  <td>
                    <code>{ch.action}</code> <span class="muted">{JSON.stringify(ch.detail)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deliveries.length === 0 ? null : (
        <>
          <h2>{m.deliveries}</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{m.when}</th>
                  <th scope="col">{m.channel}</th>
                  <th scope="col">{m.status}</th>
                  <th scope="col">{m.attempts}</th>
                  <th scope="col">{m.error}</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr>
                    <td>{formatDateTime(lang, d.createdMs, zone)}</td>
                    <td>{d.channelId}</td>
                    <td>{d.status}</td>
                    <td>{d.attempts}</td>
                    <td>{d.lastError ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
