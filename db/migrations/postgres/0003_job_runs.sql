CREATE TABLE "job_runs" (
	"task" text PRIMARY KEY NOT NULL,
	"slot_ms" bigint NOT NULL,
	"holder" text NOT NULL,
	"lease_until_ms" bigint NOT NULL
);
