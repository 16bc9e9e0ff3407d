CREATE TABLE "executors" (
	"id" text PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"pid" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"heartbeat_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "run_steps" ADD COLUMN "attempts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "workflow_runs" ADD COLUMN "locked_by" text;--> statement-breakpoint
CREATE INDEX "workflow_runs_locked_by_idx" ON "workflow_runs" USING btree ("locked_by") WHERE "workflow_runs"."locked_by" is not null;