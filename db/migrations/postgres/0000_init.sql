CREATE TABLE "checks" (
	"time_ms" bigint NOT NULL,
	"monitor" integer NOT NULL,
	"location" integer NOT NULL,
	"latency_ms" integer,
	"up" boolean NOT NULL,
	"detail" text,
	CONSTRAINT "checks_monitor_location_time_ms_pk" PRIMARY KEY("monitor","location","time_ms")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "incidents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"service_id" text NOT NULL,
	"started_at_ms" bigint NOT NULL,
	"detected_at_ms" bigint,
	"notified_at_ms" bigint,
	"resolved_at_ms" bigint,
	"impact" text NOT NULL,
	"source" text NOT NULL,
	"title" text NOT NULL,
	"cause" text
);
--> statement-breakpoint
CREATE TABLE "location_states" (
	"last_check_ms" bigint NOT NULL,
	"monitor" integer NOT NULL,
	"location" integer NOT NULL,
	"state_json" text NOT NULL,
	CONSTRAINT "location_states_monitor_location_pk" PRIMARY KEY("monitor","location")
);
--> statement-breakpoint
CREATE TABLE "maintenance" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "maintenance_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"service_id" text NOT NULL,
	"start_ms" bigint NOT NULL,
	"end_ms" bigint NOT NULL,
	"kind" text NOT NULL,
	"announced_at_ms" bigint,
	"title" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "names" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "names_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	CONSTRAINT "names_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "rollup_days" (
	"day_ms" bigint NOT NULL,
	"monitor" integer NOT NULL,
	"up_count" integer NOT NULL,
	"down_count" integer NOT NULL,
	"latency" "bytea" NOT NULL,
	CONSTRAINT "rollup_days_monitor_day_ms_pk" PRIMARY KEY("monitor","day_ms")
);
--> statement-breakpoint
CREATE TABLE "rollups" (
	"hour_ms" bigint NOT NULL,
	"first_up_ms" bigint,
	"last_up_ms" bigint,
	"max_up_gap_ms" bigint,
	"monitor" integer NOT NULL,
	"up_count" integer NOT NULL,
	"down_count" integer NOT NULL,
	"latency" "bytea" NOT NULL,
	CONSTRAINT "rollups_monitor_hour_ms_pk" PRIMARY KEY("monitor","hour_ms")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"start_ms" bigint NOT NULL,
	"end_ms" bigint NOT NULL,
	"known_at_ms" bigint,
	"monitor" integer NOT NULL,
	"location" integer NOT NULL,
	"state" smallint NOT NULL,
	CONSTRAINT "segments_monitor_location_start_ms_pk" PRIMARY KEY("monitor","location","start_ms")
);
--> statement-breakpoint
ALTER TABLE "checks" ADD CONSTRAINT "checks_monitor_names_id_fk" FOREIGN KEY ("monitor") REFERENCES "names"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checks" ADD CONSTRAINT "checks_location_names_id_fk" FOREIGN KEY ("location") REFERENCES "names"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_states" ADD CONSTRAINT "location_states_monitor_names_id_fk" FOREIGN KEY ("monitor") REFERENCES "names"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_states" ADD CONSTRAINT "location_states_location_names_id_fk" FOREIGN KEY ("location") REFERENCES "names"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_days" ADD CONSTRAINT "rollup_days_monitor_names_id_fk" FOREIGN KEY ("monitor") REFERENCES "names"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollups" ADD CONSTRAINT "rollups_monitor_names_id_fk" FOREIGN KEY ("monitor") REFERENCES "names"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_monitor_names_id_fk" FOREIGN KEY ("monitor") REFERENCES "names"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_location_names_id_fk" FOREIGN KEY ("location") REFERENCES "names"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_service_started" ON "incidents" USING btree ("service_id","started_at_ms");--> statement-breakpoint
CREATE INDEX "maintenance_service_start" ON "maintenance" USING btree ("service_id","start_ms");