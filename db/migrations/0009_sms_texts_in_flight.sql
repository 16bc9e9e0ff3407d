CREATE TABLE "sms_texts_in_flight" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"to" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sms_texts_in_flight" ADD CONSTRAINT "sms_texts_in_flight_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sms_texts_in_flight_org_to_idx" ON "sms_texts_in_flight" USING btree ("organization_id","to");