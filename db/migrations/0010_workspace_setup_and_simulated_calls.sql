ALTER TABLE "organizations" ADD COLUMN "onboarded_at" timestamp with time zone;--> statement-breakpoint
-- Workspaces that existed before this migration were already in use: they count as set up.
UPDATE "organizations" SET "onboarded_at" = "created_at";--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "simulated" boolean DEFAULT false NOT NULL;
