CREATE TABLE "alertmanager_incidents" (
	"fingerprint" text NOT NULL,
	"starts_at_ms" bigint NOT NULL,
	"incident_id" integer NOT NULL,
	CONSTRAINT "alertmanager_incidents_fingerprint_starts_at_ms_pk" PRIMARY KEY("fingerprint","starts_at_ms")
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alerts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"service_id" text NOT NULL,
	"name" text NOT NULL,
	"severity" text NOT NULL,
	"claim_id" text,
	"summary" text NOT NULL,
	"status" text NOT NULL,
	"fired_at_ms" bigint NOT NULL,
	"resolved_at_ms" bigint,
	"sent_json" text NOT NULL,
	"acknowledged_at_ms" bigint,
	"acknowledged_by" text,
	"silenced_until_ms" bigint
);
--> statement-breakpoint
CREATE TABLE "changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"time_ms" bigint NOT NULL,
	"actor" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"detail_json" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"channel_id" text NOT NULL,
	"service_id" text NOT NULL,
	"subject" text NOT NULL,
	"message_json" text NOT NULL,
	"created_ms" bigint NOT NULL,
	"status" text NOT NULL,
	"attempts" integer NOT NULL,
	"next_attempt_ms" bigint NOT NULL,
	"last_error" text,
	"sent_ms" bigint
);
--> statement-breakpoint
CREATE TABLE "frozen_months" (
	"month_start_ms" bigint NOT NULL,
	"month_end_ms" bigint NOT NULL,
	"frozen_at_ms" bigint NOT NULL,
	"service_id" text NOT NULL,
	"snapshot_json" text NOT NULL,
	CONSTRAINT "frozen_months_service_id_month_start_ms_pk" PRIMARY KEY("service_id","month_start_ms")
);
--> statement-breakpoint
CREATE TABLE "incident_notes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "incident_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"incident_id" integer NOT NULL,
	"time_ms" bigint NOT NULL,
	"author" text NOT NULL,
	"text" text NOT NULL,
	"published_ms" bigint
);
--> statement-breakpoint
CREATE TABLE "month_changes" (
	"month_start_ms" bigint NOT NULL,
	"changed_at_ms" bigint NOT NULL,
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "month_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"service_id" text NOT NULL,
	"actor" text NOT NULL,
	"reason" text NOT NULL,
	"change" text NOT NULL,
	"before_json" text,
	"after_json" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sheets" (
	"imported_at_ms" bigint NOT NULL,
	"service_id" text PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"sheet_json" text NOT NULL,
	"claims_json" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "alerts_service_status" ON "alerts" USING btree ("service_id","status");--> statement-breakpoint
CREATE INDEX "alerts_fired" ON "alerts" USING btree ("fired_at_ms");--> statement-breakpoint
CREATE INDEX "changes_entity" ON "changes" USING btree ("entity","entity_id","time_ms");--> statement-breakpoint
CREATE INDEX "deliveries_due" ON "deliveries" USING btree ("status","next_attempt_ms");--> statement-breakpoint
CREATE INDEX "deliveries_subject" ON "deliveries" USING btree ("subject");--> statement-breakpoint
CREATE INDEX "incident_notes_incident" ON "incident_notes" USING btree ("incident_id","time_ms");--> statement-breakpoint
CREATE INDEX "month_changes_service_month" ON "month_changes" USING btree ("service_id","month_start_ms");