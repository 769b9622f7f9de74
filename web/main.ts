// The one browser entry point, bundled by server/pages/web-assets.ts. Pages work without it
// (tables and forms are plain HTML); it adds charts, live updates and auto-submitting selects.
import { chartSummaries, drawCharts } from './charts.ts';
import { startLiveUpdates } from './live.ts';

declare global {
  interface Window {
    slawatch: { charts: typeof chartSummaries };
  }
}

/**
 * A pick with the pointer shows the period at once. Not from the keyboard: arrow keys change a
 * closed select one option at a time, and each change would load a page — keyboard users choose
 * and then press the form's button.
 */
function autoSubmitForms(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-autosubmit]')) {
    let keyboard = false;
    form.addEventListener('keydown', () => (keyboard = true));
    form.addEventListener('pointerdown', () => (keyboard = false));
    form.addEventListener('change', () => {
      if (!keyboard) form.requestSubmit();
    });
  }
}

/**
 * Server-rendered forms carry their CSRF field (server/pages/csrf-field.tsx); this adds it to any
 * POST form that lacks one, from the page's <meta name="csrf-token">, so a form added without it
 * still works instead of answering 403.
 */
function addCsrfFields(): void {
  const token = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content;
  if (!token) return;
  for (const form of document.querySelectorAll<HTMLFormElement>('form[method="post" i]')) {
    if (form.querySelector('input[name="_csrf"]')) continue;
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = '_csrf';
    input.value = token;
    form.append(input);
  }
}

window.slawatch = { charts: chartSummaries };
addCsrfFields();
drawCharts();
autoSubmitForms();
startLiveUpdates();
