CREATE INDEX "calls_org_tracking_started_idx" ON "calls" USING btree ("organization_id","tracking_number","started_at");--> statement-breakpoint
CREATE INDEX "calls_org_source_started_idx" ON "calls" USING btree ("organization_id","source","started_at");--> statement-breakpoint
CREATE INDEX "events_call_idx" ON "events" USING btree ("call_id") WHERE "events"."call_id" is not null;