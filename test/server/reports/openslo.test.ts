// Claims as OpenSLO v1: availability a ratio SLI, latency a threshold SLI, the rest named in a comment.
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { renderOpenSlo } from '../../../server/reports/openslo.ts';
import { claim, service } from '../../oracle/build.ts';

describe('OpenSLO export', () => {
  it('writes a Service and an SLO per availability and latency claim', () => {
    const svc = service({
      id: 'shop',
      name: 'Shop',
      timezone: 'Asia/Tokyo',
      claims: [
        claim('availability', 0.9999, { sheetRow: 5 }),
        claim('latency', 800, { percentile: 95 }),
        claim('mttr', 42 * 60_000),
      ],
    });
    const text = renderOpenSlo(svc, 2026);
    const docs = parseAllDocuments(text).map((d) => d.toJS());
    expect(docs.map((d) => d.kind)).toEqual(['Service', 'SLO', 'SLO']);
    expect(docs[1]).toMatchObject({
      apiVersion: 'openslo/v1',
      metadata: { name: 'shop-availability' },
      spec: {
        service: 'shop',
        budgetingMethod: 'Occurrences',
        objectives: [{ target: 0.9999 }],
        timeWindow: [
          { duration: '1Y', isRolling: false, calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'Asia/Tokyo' } },
        ],
        indicator: {
          spec: {
            ratioMetric: {
              good: { metricSource: { type: 'Prometheus', spec: { query: 'sum(probe_success{service="shop"})' } } },
            },
          },
        },
      },
    });
    // p95 ≤ 800 ms: 95 % of probes within 0.8 s.
    expect(docs[2].spec.objectives).toEqual([{ displayName: 'latency', op: 'lte', value: 0.8, target: 0.95 }]);
    expect(text).toContain('#   mttr: mttr max 2520');
  });
});
