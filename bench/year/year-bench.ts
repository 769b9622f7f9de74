// Benchmark 1, "year of figures": the year 2025 report of one service of 10 monitors at 30 s from
// the stored timelines and rollups — warm (same process), cold (fresh process) — against the
// naive recomputation from the 10.5 M raw checks; the two must agree.
import { openStore } from '../../db/open-store.ts';
import { computeServiceReport } from '../../pipeline/report-from-store.ts';
import type { Store } from '../../db/store.ts';
import type { BenchArgs } from '../lib/args.ts';
import { loadBenchConfig } from '../lib/bench-config.ts';
import { assertChildOk, runNode } from '../lib/child.ts';
import { log } from '../lib/log.ts';
import type { Section } from '../lib/results-file.ts';
import { fmtBytes, fmtInt, fmtMs, fmtRuns, median, passFail, repeat, timed } from '../lib/stats.ts';
import { markdownTable } from '../lib/table.ts';
import { yearDatabase, type YearDatabase } from './build-year-db.ts';
import { figureDifferences, incidentDifferences } from './compare-figures.ts';
import { naiveFigures, type NaiveResult } from './naive-figures.ts';
import { yearFromMs, yearNowMs, yearToMs } from './year-scenario.ts';

type YearReport = Awaited<ReturnType<typeof computeServiceReport>>;

const warmRuns = 11;
const warmups = 2;
const coldRuns = 5;
const naiveRuns = 3;

export async function runYearBench(args: BenchArgs): Promise<Section> {
  const started = Date.now();
  const db = await yearDatabase(args.rebuild);
  const config = await loadBenchConfig(db.configPath);
  const { spec: service, maintenance } = config.services[0]!;
  const request = { service, fromMs: yearFromMs, toMs: yearToMs, nowMs: yearNowMs };

  const store = await openStore(`file:${db.dbPath}`);
  let warm: { ms: number[]; last: YearReport };
  const naive: { ms: number; result: NaiveResult }[] = [];
  let storedIncidents: Awaited<ReturnType<typeof storedProbeIncidents>>;
  try {
    log(`year: warm, ${warmups} warm-ups + ${warmRuns} runs of computeServiceReport`);
    warm = await repeat(warmRuns, warmups, () => computeServiceReport(store, request));
    storedIncidents = await storedProbeIncidents(store, service.id);
    for (let i = 0; i < naiveRuns; i++) {
      log(`year: naive run ${i + 1}/${naiveRuns} (reads every raw check)`);
      const r = await timed(() => naiveFigures(store, { ...request, maintenance }));
      naive.push({ ms: r.ms, result: r.value });
      log(
        `year: naive run took ${fmtMs(r.ms)} (${Object.entries(r.value.phases)
          .map(([k, v]) => `${k} ${fmtMs(v)}`)
          .join(', ')})`,
      );
    }
  } finally {
    await store.close();
  }

  log(`year: cold, ${coldRuns} fresh processes`);
  const cold: { insideMs: number; openMs: number; wallMs: number }[] = [];
  for (let i = 0; i < coldRuns; i++) {
    const r = await runNode(['--import', 'tsx', 'bench/year/cold-child.ts', db.dbPath, db.configPath]);
    assertChildOk('cold child', r);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { insideMs: number; openMs: number };
    cold.push({ insideMs: out.insideMs, openMs: out.openMs, wallMs: r.wallMs });
  }

  const stored = warm.last.report;
  const naiveLast = naive[naive.length - 1]!.result;
  const mismatches = [
    ...figureDifferences(stored.figures, naiveLast.figures),
    ...incidentDifferences(storedIncidents, naiveLast.probeIncidents),
  ];
  if (mismatches.length > 0) {
    process.stderr.write(`\n!!!!! YEAR BENCH: STORED AND NAIVE FIGURES DIFFER !!!!!\n${mismatches.join('\n')}\n\n`);
  }
  const warmMedian = median(warm.ms);
  const naiveMedian = median(naive.map((n) => n.ms));
  const coldInside = median(cold.map((c) => c.insideMs));
  return {
    name: 'year',
    markdown: renderYear({
      db,
      warmMs: warm.ms,
      warmMedian,
      cold,
      coldInside,
      naive,
      naiveMedian,
      mismatches,
      figures: stored.figures as unknown as Record<string, number | null>,
      claims: stored.claims.map((c) => `${c.id} ${c.status}`),
      tookMs: Date.now() - started,
    }),
  };
}

async function storedProbeIncidents(store: Store, serviceId: string) {
  const all = await store.listIncidents(serviceId, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  return all.filter((i) => i.source === 'probe').sort((a, b) => a.startedAtMs - b.startedAtMs);
}

interface YearNumbers {
  db: YearDatabase;
  warmMs: number[];
  warmMedian: number;
  cold: { insideMs: number; openMs: number; wallMs: number }[];
  coldInside: number;
  naive: { ms: number; result: NaiveResult }[];
  naiveMedian: number;
  mismatches: string[];
  figures: Record<string, number | null>;
  claims: string[];
  tookMs: number;
}

function renderYear(n: YearNumbers): string {
  const s = n.db.stats;
  const ratio = n.naiveMedian / n.warmMedian;
  const rows = [
    [
      'warm: computeServiceReport, year 2025, same process',
      fmtMs(n.warmMedian),
      `${n.warmMs.length} after ${warmups} warm-ups: ${fmtRuns(n.warmMs)}`,
      '≤ 100 ms',
      passFail(n.warmMedian <= 100),
    ],
    [
      'cold: fresh process, openStore → report (timed inside)',
      fmtMs(n.coldInside),
      fmtRuns(n.cold.map((c) => c.insideMs)),
      '≤ 1 s',
      passFail(n.coldInside <= 1000),
    ],
    [
      'cold: of which openStore (migrations check)',
      fmtMs(median(n.cold.map((c) => c.openMs))),
      fmtRuns(n.cold.map((c) => c.openMs)),
      '',
      '',
    ],
    [
      'cold: whole child wall time (node + tsx + module loading)',
      fmtMs(median(n.cold.map((c) => c.wallMs))),
      fmtRuns(n.cold.map((c) => c.wallMs)),
      '(info)',
      '',
    ],
    ['naive: every raw check → figures, same process', fmtMs(n.naiveMedian), fmtRuns(n.naive.map((r) => r.ms)), '', ''],
    ['naive ÷ warm', `${ratio.toFixed(0)}×`, '', '≥ 100×', passFail(ratio >= 100)],
    [
      'stored and naive figures and probe incidents equal',
      n.mismatches.length === 0 ? 'equal' : `${n.mismatches.length} differences`,
      '',
      'equal',
      passFail(n.mismatches.length === 0),
    ],
  ];
  const phaseNames = Object.keys(n.naive[0]!.result.phases);
  const phaseRows = phaseNames.map((p) => [p, fmtMs(median(n.naive.map((r) => r.result.phases[p]!)))]);
  const figureRows = Object.entries(n.figures).map(([k, v]) => [
    k,
    v === null ? 'null' : String(Number(v.toPrecision(8))),
  ]);
  return [
    '## 1. Year of figures',
    '',
    `Measured ${new Date().toISOString()}; this section took ${fmtMs(n.tookMs)}.`,
    'One service (Asia/Tokyo, `down_when: any`) of 10 http monitors at 30 s, confirm 2, calendar year',
    `2025: ${fmtInt(s.checks)} checks, 50 outages seen by every monitor (2 min … 27 h), 5 gaps where`,
    'nothing was probed (one inside the 27 h outage), about one lone failed check per monitor per day,',
    'a downtime window that an outage overruns, a late no-downtime window; latencies lognormal around',
    '80 ms (integer ms). nowMs = 2026-01-02T00:00+09:00. Cold runs are fresh processes over a warm OS',
    'page cache (the file was just read).',
    '',
    markdownTable(['measure', 'median', 'runs', 'target', 'result'], rows),
    '',
    ...(n.mismatches.length > 0
      ? ['**MISMATCH between stored and naive:**', '', ...n.mismatches.map((m) => `- ${m}`), '']
      : []),
    `Build (${n.db.cached ? `cached, built ${s.builtAt}` : 'this run'}): ` +
      `${fmtInt(s.checks)} checks fed to \`ingestChecks\` one day`,
    `(28,800 checks) per call into a SQLite file: ${fmtMs(s.buildMs)} in all, ` +
      `${fmtMs(s.ingestMs)} inside ingestChecks =`,
    `**${fmtInt(s.checks / (s.ingestMs / 1000))} checks/s**; median day ${fmtMs(s.firstMonthDayMs)} in January, ` +
      `${fmtMs(s.lastMonthDayMs)} in December;`,
    `file ${fmtBytes(s.dbBytes)}.`,
    '',
    'Naive run, median time per phase:',
    '',
    markdownTable(['phase', 'median'], phaseRows),
    '',
    `The year's figures (stored path): claims ${n.claims.join(', ')}.`,
    '',
    markdownTable(['figure', 'value'], figureRows),
  ].join('\n');
}
