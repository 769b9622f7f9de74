-- drizzle cannot declare WITHOUT ROWID. checks and segments are small rows looked up by their
-- primary key, so they are rebuilt clustered on it: no rowid, no second index holding the key again.
CREATE TABLE `__new_checks` (
	`monitor` integer NOT NULL,
	`location` integer NOT NULL,
	`time_ms` integer NOT NULL,
	`up` integer NOT NULL,
	`latency_ms` integer,
	`detail` text,
	PRIMARY KEY(`monitor`, `location`, `time_ms`),
	FOREIGN KEY (`monitor`) REFERENCES `names`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location`) REFERENCES `names`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_checks` SELECT `monitor`, `location`, `time_ms`, `up`, `latency_ms`, `detail` FROM `checks`;
--> statement-breakpoint
DROP TABLE `checks`;
--> statement-breakpoint
ALTER TABLE `__new_checks` RENAME TO `checks`;
--> statement-breakpoint
CREATE TABLE `__new_segments` (
	`monitor` integer NOT NULL,
	`location` integer NOT NULL,
	`start_ms` integer NOT NULL,
	`end_ms` integer NOT NULL,
	`state` integer NOT NULL,
	`known_at_ms` integer,
	PRIMARY KEY(`monitor`, `location`, `start_ms`),
	FOREIGN KEY (`monitor`) REFERENCES `names`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location`) REFERENCES `names`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_segments` SELECT `monitor`, `location`, `start_ms`, `end_ms`, `state`, `known_at_ms` FROM `segments`;
--> statement-breakpoint
DROP TABLE `segments`;
--> statement-breakpoint
ALTER TABLE `__new_segments` RENAME TO `segments`;
