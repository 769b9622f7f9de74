// The ticks of scheduled jobs that several processes share (jobs/run-coordinator.ts): one row per
// job with the last tick someone took and who holds it until when. A tick goes to one process; a
// process that dies mid-run frees the job when its lease ends. Portable SQL, like db/comms-store.ts.
import { sql } from 'drizzle-orm';
import { type PortableDb, writeOne } from './portable-sql.ts';

export interface JobRunClaim {
  task: string;
  /** The tick: the instant the job was scheduled for, alike in every process. */
  slotMs: number;
  holder: string;
  nowMs: number;
  leaseUntilMs: number;
}

export interface JobRuns {
  /** True when `holder` may run the tick: no one took it or a later one, and no other holder's lease is live. */
  claim(run: JobRunClaim): Promise<boolean>;
  /** The holder's run ended: its lease ends now (the tick stays taken). */
  release(task: string, holder: string): Promise<void>;
}

export function createJobRuns(db: PortableDb): JobRuns {
  return {
    async claim(run) {
      // One statement: concurrent claims of one task queue on its row and each sees the winner's
      // write (an upsert re-reads the conflicting row), so exactly one gets a row back.
      const rows = await writeOne(
        db,
        sql`INSERT INTO job_runs (task, slot_ms, holder, lease_until_ms)
            VALUES (${run.task}, ${run.slotMs}, ${run.holder}, ${run.leaseUntilMs})
            ON CONFLICT (task) DO UPDATE
            SET slot_ms = excluded.slot_ms, holder = excluded.holder, lease_until_ms = excluded.lease_until_ms
            WHERE job_runs.slot_ms < excluded.slot_ms
              AND (job_runs.lease_until_ms <= ${run.nowMs} OR job_runs.holder = excluded.holder)
            RETURNING task`,
      );
      return rows.length === 1;
    },
    async release(task, holder) {
      await writeOne(db, sql`UPDATE job_runs SET lease_until_ms = 0 WHERE task = ${task} AND holder = ${holder}`);
    },
  };
}
