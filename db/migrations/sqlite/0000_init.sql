CREATE TABLE `checks` (
	`monitor` integer NOT NULL,
	`location` integer NOT NULL,
	`time_ms` integer NOT NULL,
	`up` integer NOT NULL,
	`latency_ms` integer,
	`detail` text,
	PRIMARY KEY(`monitor`, `location`, `time_ms`),
	FOREIGN KEY (`monitor`) REFERENCES `names`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location`) REFERENCES `names`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `incidents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_id` text NOT NULL,
	`started_at_ms` integer NOT NULL,
	`detected_at_ms` integer,
	`notified_at_ms` integer,
	`resolved_at_ms` integer,
	`impact` text NOT NULL,
	`source` text NOT NULL,
	`title` text NOT NULL,
	`cause` text
);
--> statement-breakpoint
CREATE INDEX `incidents_service_started` ON `incidents` (`service_id`,`started_at_ms`);--> statement-breakpoint
CREATE TABLE `location_states` (
	`monitor` integer NOT NULL,
	`location` integer NOT NULL,
	`last_check_ms` integer NOT NULL,
	`state_json` text NOT NULL,
	PRIMARY KEY(`monitor`, `location`),
	FOREIGN KEY (`monitor`) REFERENCES `names`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location`) REFERENCES `names`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `maintenance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_id` text NOT NULL,
	`start_ms` integer NOT NULL,
	`end_ms` integer NOT NULL,
	`kind` text NOT NULL,
	`announced_at_ms` integer,
	`title` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `maintenance_service_start` ON `maintenance` (`service_id`,`start_ms`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `names` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `names_name_unique` ON `names` (`name`);--> statement-breakpoint
CREATE TABLE `rollup_days` (
	`monitor` integer NOT NULL,
	`day_ms` integer NOT NULL,
	`up_count` integer NOT NULL,
	`down_count` integer NOT NULL,
	`latency` blob NOT NULL,
	PRIMARY KEY(`monitor`, `day_ms`),
	FOREIGN KEY (`monitor`) REFERENCES `names`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rollups` (
	`monitor` integer NOT NULL,
	`hour_ms` integer NOT NULL,
	`up_count` integer NOT NULL,
	`down_count` integer NOT NULL,
	`latency` blob NOT NULL,
	`first_up_ms` integer,
	`last_up_ms` integer,
	`max_up_gap_ms` integer,
	PRIMARY KEY(`monitor`, `hour_ms`),
	FOREIGN KEY (`monitor`) REFERENCES `names`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `segments` (
	`monitor` integer NOT NULL,
	`location` integer NOT NULL,
	`start_ms` integer NOT NULL,
	`end_ms` integer NOT NULL,
	`state` integer NOT NULL,
	`known_at_ms` integer,
	PRIMARY KEY(`monitor`, `location`, `start_ms`),
	FOREIGN KEY (`monitor`) REFERENCES `names`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location`) REFERENCES `names`(`id`) ON UPDATE no action ON DELETE no action
);
