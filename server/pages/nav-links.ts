// The site's navigation, one entry per top-level page. A page area added later adds one line.
import type { Lang } from './i18n.ts';
import { commonMessages } from './i18n.ts';
import { reportMessages } from './report/report-messages.ts';

export interface NavLink {
  path: string;
  label: (lang: Lang) => string;
  /** Whether the link keeps the period selection; default true. */
  keepPeriod?: boolean;
}

export const navLinks: NavLink[] = [
  { path: '/', label: (lang) => commonMessages(lang).navOverview },
  { path: '/reports', label: (lang) => reportMessages(lang).navReports },
  { path: '/alerts', label: (lang) => (lang === 'ja' ? 'アラート' : 'Alerts'), keepPeriod: false },
  { path: '/api/v1/openapi.json', label: (lang) => commonMessages(lang).navApi, keepPeriod: false },
];
