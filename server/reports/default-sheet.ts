// A check sheet for a service that has none (no --template, no imported sheet): one row per
// claimed sheet row, answered in the METI template's usual phrases with the claimed figures. It
// is read back with the same extractor as an imported sheet, so the export fills it the same way.
import type { Claim, ServiceSpec } from '../../sla/model.ts';
import type { Sheet } from '../sheets/read-sheet.ts';
import { formatClaimedPercent } from '../../sla/claim-text.ts';
import { maintenanceKindWords, metricWords, type Lang } from '../../sla/claim-words.ts';
import { formatSheetDuration } from './sheet-values.ts';

function frequency(ms: number, lang: Lang): string {
  if (ms === 86_400_000) return lang === 'ja' ? '1日1回' : 'once a day';
  const hours = Math.max(1, Math.round(ms / 3_600_000));
  return lang === 'ja' ? `${hours}時間ごと` : `every ${hours} hours`;
}

function phrase(claims: readonly Claim[], year: number, lang: Lang): string {
  const ja = lang === 'ja';
  return claims
    .map((c) => claimPhrase(c, year, lang))
    .join(ja ? ' ' : ', ')
    .replace(/^; /, '')
    .replace(/, ; /g, '; ');
}

/** One claim's sentence in the default sheet's answer (the switch is exhaustive over the metrics). */
function claimPhrase(c: Claim, year: number, lang: Lang): string {
  const ja = lang === 'ja';
  const d = (claim: Claim) => formatSheetDuration(claim.bound, lang, claim.direction);
  const label = metricWords[c.metric].label[lang];
  switch (c.metric) {
    case 'availability': {
      const p = formatClaimedPercent(c.bound);
      return ja
        ? `${year}年実績でサービス全体としては稼働率${p}となります。`
        : `In ${year} the service as a whole was available ${p} of the time.`;
    }
    case 'mttr':
      return ja ? `${year}年実績で以下となります。 ${d(c)}` : `In ${year}: ${d(c)}`;
    case 'incident_count':
      return ja ? `${year}年実績で以下となります ${label}：${c.bound}件` : `In ${year}: ${c.bound} ${label}`;
    case 'long_incident_count':
      return ja ? `${label}：${c.bound}件` : `${label}: ${c.bound}`;
    case 'notification_delay':
      return ja ? `異常検出後、${d(c)}以内に通知します。` : `Customers are notified within ${d(c)} of detection.`;
    case 'maintenance_notice': {
      const what = c.kind ? maintenanceKindWords[c.kind].long[lang] : ja ? 'メンテナンス' : 'maintenance';
      return ja ? `○ ${what}：${d(c)}前` : `; ${what}: ${d(c)} before`;
    }
    case 'backup_freshness':
      return ja
        ? `${frequency(c.bound, lang)}バックアップを取得しています。`
        : `Backups are taken ${frequency(c.bound, lang)}.`;
    case 'latency':
      return ja ? `${Math.ceil(c.bound)}ミリ秒以内` : `within ${Math.ceil(c.bound)} ms`;
  }
}

export function defaultSheet(service: ServiceSpec, year: number, lang: Lang): Sheet {
  const header = lang === 'ja' ? ['No.', 'サービスレベル項目', '回答'] : ['No.', 'Item', 'Answer'];
  const byRow = new Map<number, Claim[]>();
  let next = Math.max(0, ...service.claims.map((c) => c.sheetRow ?? 0)) + 1;
  for (const claim of service.claims) {
    const row = claim.sheetRow ?? next++;
    byRow.set(row, [...(byRow.get(row) ?? []), claim]);
  }
  const rows = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([number, claims], i) => ({
      line: i + 2,
      cells: [String(number), metricWords[claims[0]!.metric].sheetItem[lang], phrase(claims, year, lang)],
    }));
  return { format: 'tsv', rows: [{ line: 1, cells: header }, ...rows] };
}
