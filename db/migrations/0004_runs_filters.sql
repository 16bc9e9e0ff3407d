ALTER TABLE "workflow_runs" ADD COLUMN "event_type" text;--> statement-breakpoint
ALTER TABLE "workflow_runs" ADD COLUMN "caller_number" text;--> statement-breakpoint
ALTER TABLE "workflow_runs" ADD COLUMN "caller_name" text;--> statement-breakpoint
CREATE INDEX "workflow_runs_org_status_created_idx" ON "workflow_runs" USING btree ("organization_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "workflow_runs_org_event_type_created_idx" ON "workflow_runs" USING btree ("organization_id","event_type","created_at","id");--> statement-breakpoint
CREATE INDEX "workflow_runs_org_caller_created_idx" ON "workflow_runs" USING btree ("organization_id","caller_number","created_at","id");--> statement-breakpoint
CREATE INDEX "workflow_runs_replay_of_idx" ON "workflow_runs" USING btree ("replay_of_run_id") WHERE "workflow_runs"."replay_of_run_id" is not null;--> statement-breakpoint
CREATE INDEX "workflow_runs_created_idx" ON "workflow_runs" USING btree ("created_at");--> statement-breakpoint
UPDATE "workflow_runs" SET "event_type" = "events"."type", "caller_number" = "events"."payload" -> 'caller' ->> 'phone_number', "caller_name" = "events"."payload" -> 'caller' ->> 'name' FROM "events" WHERE "events"."id" = "workflow_runs"."event_id";
