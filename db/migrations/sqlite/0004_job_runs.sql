CREATE TABLE `job_runs` (
	`task` text PRIMARY KEY NOT NULL,
	`slot_ms` integer NOT NULL,
	`holder` text NOT NULL,
	`lease_until_ms` integer NOT NULL
);
