// Timelines are sorted, non-overlapping, half-open segments [startMs, endMs).

export const segmentStates = ['up', 'down', 'unknown'] as const;
export type SegmentState = (typeof segmentStates)[number];

export interface Segment {
  startMs: number;
  endMs: number;
  state: SegmentState;
  /**
   * Down segments only: the earliest moment at which this stretch's down-ness was known to
   * slawatch (the confirming check, SPEC §2.2). Instants before it were backdated.
   */
  knownAtMs?: number;
}

/** One monitor location's stored timeline piece. */
export interface LocationSegment extends Segment {
  monitorId: string;
  location: string;
}
