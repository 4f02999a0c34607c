CREATE TABLE "lead_pool_events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lead_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"actor_id" uuid,
	"on_date" date NOT NULL,
	"reason" text,
	CONSTRAINT "lead_pool_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"number" text,
	"company" text NOT NULL,
	"contact_name" text,
	"title" text,
	"phone" text,
	"phone_normalised" text,
	"email" text,
	"im" text,
	"region" text,
	"territory_id" uuid,
	"industry" text,
	"source" text NOT NULL,
	"need_description" text,
	"need_triggers" text[] DEFAULT '{}'::text[] NOT NULL,
	"estimated_amount" numeric(18, 2),
	"qualification" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"disqualify_reason" text,
	"owner_id" uuid,
	"owned_since" date,
	"last_follow_up_on" date,
	"former_owner_id" uuid,
	"released_on" date,
	"recycle_warned_for" date,
	"customer_id" uuid,
	"reception_visit_id" uuid,
	"converted_customer_id" uuid,
	"converted_contact_id" uuid,
	"converted_at" timestamp with time zone,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	CONSTRAINT "leads_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "lead_pool_events" ADD CONSTRAINT "lead_pool_events_workspace_id_lead_id_leads_workspace_id_id_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_workspace_id_owner_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_workspace_id_territory_id_territories_workspace_id_id_fk" FOREIGN KEY ("workspace_id","territory_id") REFERENCES "public"."territories"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_pool_events_user_idx" ON "lead_pool_events" USING btree ("workspace_id","user_id","kind","on_date");--> statement-breakpoint
CREATE INDEX "lead_pool_events_lead_idx" ON "lead_pool_events" USING btree ("workspace_id","lead_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "leads_number_uq" ON "leads" USING btree ("workspace_id","number") WHERE number IS NOT NULL;--> statement-breakpoint
CREATE INDEX "leads_owner_idx" ON "leads" USING btree ("workspace_id","owner_id","id");--> statement-breakpoint
CREATE INDEX "leads_status_idx" ON "leads" USING btree ("workspace_id","status","id");--> statement-breakpoint
CREATE INDEX "leads_source_idx" ON "leads" USING btree ("workspace_id","source","id");--> statement-breakpoint
CREATE INDEX "leads_created_idx" ON "leads" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "leads_pool_idx" ON "leads" USING btree ("workspace_id","id") WHERE owner_id IS NULL;--> statement-breakpoint
CREATE INDEX "leads_company_idx" ON "leads" USING btree ("workspace_id","company");--> statement-breakpoint
CREATE INDEX "leads_phone_idx" ON "leads" USING btree ("workspace_id","phone_normalised") WHERE phone_normalised IS NOT NULL;--> statement-breakpoint
CREATE INDEX "leads_follow_up_idx" ON "leads" USING btree ("workspace_id","last_follow_up_on") WHERE owner_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "leads_customer_idx" ON "leads" USING btree ("workspace_id","customer_id") WHERE customer_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "leads_converted_customer_idx" ON "leads" USING btree ("workspace_id","converted_customer_id") WHERE converted_customer_id IS NOT NULL;