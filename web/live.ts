// Live updates without reload: every `data-live-seconds` the page asks the server for its own URL
// with `X-Slawatch-Live: 1` and gets only <main>'s content. The browser's HTTP cache revalidates
// with the ETag (`cache: 'no-cache'`), so an unchanged view costs a 304 and no bytes, and the DOM
// is left alone. The server caches reports, so a poll is cheap. A hidden tab does not poll.
import { destroyCharts, drawCharts } from './charts.ts';

export function startLiveUpdates(): void {
  const main = document.getElementById('main');
  const status = document.querySelector<HTMLElement>('[data-live-status]');
  const seconds = Number(main?.dataset.liveSeconds ?? 0);
  if (!main || !(seconds > 0)) return;
  if (status) status.textContent = status.dataset.textOn ?? '';
  let shown: string | null = null;
  let busy = false;
  const poll = async () => {
    if (busy || document.hidden) return;
    busy = true;
    try {
      const response = await fetch(location.href, { headers: { 'X-Slawatch-Live': '1' }, cache: 'no-cache' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const html = await response.text();
      if (html !== shown) {
        shown = html;
        destroyCharts(main);
        main.innerHTML = html;
        drawCharts(main);
      }
      if (status) {
        const time = new Date().toLocaleTimeString(document.documentElement.lang === 'ja' ? 'ja-JP' : 'en-US');
        status.textContent = (status.dataset.textUpdated ?? '{time}').replace('{time}', time);
      }
    } catch {
      if (status) status.textContent = status.dataset.textFailed ?? '';
    } finally {
      busy = false;
    }
  };
  setInterval(() => void poll(), seconds * 1000);
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) void poll();
  });
}
