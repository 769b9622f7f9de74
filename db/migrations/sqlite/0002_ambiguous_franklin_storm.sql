CREATE TABLE `alertmanager_incidents` (
	`fingerprint` text NOT NULL,
	`starts_at_ms` integer NOT NULL,
	`incident_id` integer NOT NULL,
	PRIMARY KEY(`fingerprint`, `starts_at_ms`)
);
--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`service_id` text NOT NULL,
	`name` text NOT NULL,
	`severity` text NOT NULL,
	`claim_id` text,
	`summary` text NOT NULL,
	`status` text NOT NULL,
	`fired_at_ms` integer NOT NULL,
	`resolved_at_ms` integer,
	`sent_json` text NOT NULL,
	`acknowledged_at_ms` integer,
	`acknowledged_by` text,
	`silenced_until_ms` integer
);
--> statement-breakpoint
CREATE INDEX `alerts_service_status` ON `alerts` (`service_id`,`status`);--> statement-breakpoint
CREATE INDEX `alerts_fired` ON `alerts` (`fired_at_ms`);--> statement-breakpoint
CREATE TABLE `changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`time_ms` integer NOT NULL,
	`actor` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`detail_json` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `changes_entity` ON `changes` (`entity`,`entity_id`,`time_ms`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel_id` text NOT NULL,
	`service_id` text NOT NULL,
	`subject` text NOT NULL,
	`message_json` text NOT NULL,
	`created_ms` integer NOT NULL,
	`status` text NOT NULL,
	`attempts` integer NOT NULL,
	`next_attempt_ms` integer NOT NULL,
	`last_error` text,
	`sent_ms` integer
);
--> statement-breakpoint
CREATE INDEX `deliveries_due` ON `deliveries` (`status`,`next_attempt_ms`);--> statement-breakpoint
CREATE INDEX `deliveries_subject` ON `deliveries` (`subject`);--> statement-breakpoint
CREATE TABLE `frozen_months` (
	`service_id` text NOT NULL,
	`month_start_ms` integer NOT NULL,
	`month_end_ms` integer NOT NULL,
	`frozen_at_ms` integer NOT NULL,
	`snapshot_json` text NOT NULL,
	PRIMARY KEY(`service_id`, `month_start_ms`)
);
--> statement-breakpoint
CREATE TABLE `incident_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`time_ms` integer NOT NULL,
	`author` text NOT NULL,
	`text` text NOT NULL,
	`published_ms` integer
);
--> statement-breakpoint
CREATE INDEX `incident_notes_incident` ON `incident_notes` (`incident_id`,`time_ms`);--> statement-breakpoint
CREATE TABLE `month_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_id` text NOT NULL,
	`month_start_ms` integer NOT NULL,
	`changed_at_ms` integer NOT NULL,
	`actor` text NOT NULL,
	`reason` text NOT NULL,
	`change` text NOT NULL,
	`before_json` text,
	`after_json` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `month_changes_service_month` ON `month_changes` (`service_id`,`month_start_ms`);--> statement-breakpoint
CREATE TABLE `sheets` (
	`service_id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`imported_at_ms` integer NOT NULL,
	`sheet_json` text NOT NULL,
	`claims_json` text NOT NULL
);
