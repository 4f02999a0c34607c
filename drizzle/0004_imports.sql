CREATE TABLE "import_jobs" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"entity" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"file_name" text,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"error_key" text,
	"created_by" uuid NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	CONSTRAINT "import_jobs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "import_templates" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"entity" text NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"owner_id" uuid NOT NULL,
	"is_shared" boolean DEFAULT false NOT NULL,
	CONSTRAINT "import_templates_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "reception_make_ups" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"visit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"approval_id" uuid,
	"granted_at" timestamp with time zone,
	"used_visit_id" uuid,
	CONSTRAINT "reception_make_ups_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "reception_overrides" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"visit_id" uuid NOT NULL,
	"from_user_id" uuid NOT NULL,
	"to_user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"actor_id" uuid NOT NULL,
	CONSTRAINT "reception_overrides_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "reception_roster" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"duty_date" date NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"created_by" uuid,
	CONSTRAINT "reception_roster_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "reception_rotations" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rotation_date" date NOT NULL,
	"last_user_id" uuid,
	"turns" integer DEFAULT 0 NOT NULL,
	"fallback_notified" boolean DEFAULT false NOT NULL,
	CONSTRAINT "reception_rotations_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "reception_visits" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"number" text,
	"visit_date" date NOT NULL,
	"kind" text NOT NULL,
	"company" text NOT NULL,
	"contact_name" text,
	"phone" text,
	"source" text NOT NULL,
	"says_known_rep_id" uuid,
	"customer_id" uuid,
	"matched_by" text,
	"matched_owner_id" uuid,
	"auto_routed_by" text NOT NULL,
	"auto_assignee_id" uuid NOT NULL,
	"routed_by" text NOT NULL,
	"assignee_id" uuid NOT NULL,
	"is_make_up_turn" boolean DEFAULT false NOT NULL,
	"lead_id" uuid,
	"registered_by" uuid NOT NULL,
	"market_survey_at" timestamp with time zone,
	"market_survey_note" text,
	"market_survey_by" uuid,
	CONSTRAINT "reception_visits_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_workspace_id_created_by_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","created_by") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_templates" ADD CONSTRAINT "import_templates_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_templates" ADD CONSTRAINT "import_templates_workspace_id_owner_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_make_ups" ADD CONSTRAINT "reception_make_ups_workspace_id_visit_id_reception_visits_workspace_id_id_fk" FOREIGN KEY ("workspace_id","visit_id") REFERENCES "public"."reception_visits"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_make_ups" ADD CONSTRAINT "reception_make_ups_workspace_id_user_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_overrides" ADD CONSTRAINT "reception_overrides_workspace_id_visit_id_reception_visits_workspace_id_id_fk" FOREIGN KEY ("workspace_id","visit_id") REFERENCES "public"."reception_visits"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_roster" ADD CONSTRAINT "reception_roster_workspace_id_user_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_visits" ADD CONSTRAINT "reception_visits_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_visits" ADD CONSTRAINT "reception_visits_workspace_id_assignee_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","assignee_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_visits" ADD CONSTRAINT "reception_visits_workspace_id_auto_assignee_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","auto_assignee_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_jobs_creator_idx" ON "import_jobs" USING btree ("workspace_id","created_by","id");--> statement-breakpoint
CREATE INDEX "import_jobs_live_idx" ON "import_jobs" USING btree ("workspace_id","status","heartbeat_at") WHERE status in ('queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "import_templates_name_uq" ON "import_templates" USING btree ("workspace_id","entity","owner_id","name");--> statement-breakpoint
CREATE INDEX "import_templates_shared_idx" ON "import_templates" USING btree ("workspace_id","entity","is_shared");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_make_ups_visit_uq" ON "reception_make_ups" USING btree ("workspace_id","visit_id");--> statement-breakpoint
CREATE INDEX "reception_make_ups_owed_idx" ON "reception_make_ups" USING btree ("workspace_id","granted_at","id") WHERE status = 'approved';--> statement-breakpoint
CREATE INDEX "reception_overrides_created_idx" ON "reception_overrides" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "reception_overrides_visit_idx" ON "reception_overrides" USING btree ("workspace_id","visit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_roster_day_user_uq" ON "reception_roster" USING btree ("workspace_id","duty_date","user_id");--> statement-breakpoint
CREATE INDEX "reception_roster_day_idx" ON "reception_roster" USING btree ("workspace_id","duty_date","position");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_rotations_day_uq" ON "reception_rotations" USING btree ("workspace_id","rotation_date");--> statement-breakpoint
CREATE INDEX "reception_visits_date_idx" ON "reception_visits" USING btree ("workspace_id","visit_date","id");--> statement-breakpoint
CREATE INDEX "reception_visits_assignee_idx" ON "reception_visits" USING btree ("workspace_id","assignee_id","visit_date","id");--> statement-breakpoint
CREATE INDEX "reception_visits_customer_idx" ON "reception_visits" USING btree ("workspace_id","customer_id");