CREATE TABLE "activities" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" text NOT NULL,
	"subject" text NOT NULL,
	"notes" text,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"opportunity_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer,
	"location" text,
	"outcome" text,
	"completed_at" timestamp with time zone,
	"owner_id" uuid NOT NULL,
	"created_by" uuid,
	CONSTRAINT "activities_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "call_report_recipients" (
	"workspace_id" uuid NOT NULL,
	"call_report_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "call_report_recipients_workspace_id_call_report_id_user_id_pk" PRIMARY KEY("workspace_id","call_report_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "call_reports" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activity_id" uuid,
	"report_date" date NOT NULL,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"opportunity_id" uuid,
	"company" text NOT NULL,
	"contact_name" text,
	"phone" text,
	"address" text,
	"purpose" text,
	"notes" text,
	"message" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"action_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sent_at" timestamp with time zone,
	"author_id" uuid NOT NULL,
	CONSTRAINT "call_reports_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"assignee_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"reminder_at" timestamp with time zone,
	"reminded_for" date,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"customer_id" uuid,
	"opportunity_id" uuid,
	"call_report_id" uuid,
	"item_index" integer,
	"created_by" uuid,
	CONSTRAINT "tasks_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"opportunity_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"step" text DEFAULT 'explore' NOT NULL,
	"promise" text,
	"promise_due_date" date,
	"fulfilment" text,
	"satisfaction_score" integer,
	"satisfaction_comment" text,
	"owner_id" uuid NOT NULL,
	"proposed_at" timestamp with time zone,
	"proposed_by" uuid,
	"executed_at" timestamp with time zone,
	"executed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"created_by" uuid,
	CONSTRAINT "needs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "needs_satisfaction_score_ck" CHECK (satisfaction_score IS NULL OR satisfaction_score BETWEEN 1 AND 5),
	CONSTRAINT "needs_step_ck" CHECK (step IN ('explore', 'propose', 'execute', 'confirm'))
);
--> statement-breakpoint
CREATE TABLE "touchpoints" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"opportunity_id" uuid,
	"channel" text NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"department_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"impression" text NOT NULL,
	"sentiment" text DEFAULT 'neutral' NOT NULL,
	"created_by" uuid,
	CONSTRAINT "touchpoints_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "bids" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"bid_price" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	"gross_margin_pct" numeric(7, 2) NOT NULL,
	"team" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"competitor_analysis" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"approval_id" uuid,
	"no_bid_report" text,
	"submitted_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "bids_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "initiation_reports" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"project_name" text NOT NULL,
	"project_number" text NOT NULL,
	"customer_lead" text NOT NULL,
	"expected_contract_amount" numeric(18, 2) NOT NULL,
	"estimated_gross_margin_pct" numeric(5, 2) NOT NULL,
	"sales_expense_budget" numeric(18, 2) NOT NULL,
	"project_category" text NOT NULL,
	"expected_signing_date" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approval_id" uuid,
	"submitted_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "initiation_reports_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"number" text NOT NULL,
	"name" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"probability" numeric(5, 2) NOT NULL,
	"expected_close_date" date,
	"owner_id" uuid NOT NULL,
	"department_id" uuid,
	"source" text,
	"lead_id" uuid,
	"competitors" text[] DEFAULT '{}'::text[] NOT NULL,
	"need_description" text,
	"signals" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"key_nodes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_on" date,
	"close_reason" text,
	"close_summary" text,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	CONSTRAINT "opportunities_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_collaborators" (
	"workspace_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"access" text NOT NULL,
	"expires_on" date,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_collaborators_workspace_id_opportunity_id_user_id_pk" PRIMARY KEY("workspace_id","opportunity_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_contacts" (
	"workspace_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"buying_role" text,
	CONSTRAINT "opportunity_contacts_workspace_id_opportunity_id_contact_id_pk" PRIMARY KEY("workspace_id","opportunity_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_stage_history" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_stage_id" uuid,
	"to_stage_id" uuid,
	"outcome" text,
	"days_in_stage" integer,
	"note" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_stage_history_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "pipeline_stages" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"probability" numeric(5, 2) NOT NULL,
	"funnel_category" text NOT NULL,
	"required_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"required_approvals" text[] DEFAULT '{}'::text[] NOT NULL,
	"key_node" text,
	"exit_criteria" text,
	CONSTRAINT "pipeline_stages_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "pipelines" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"template" text,
	"description" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"department_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "pipelines_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "visit_check_ins" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"plan_item_id" uuid,
	"activity_id" uuid NOT NULL,
	"latitude" numeric(9, 6) NOT NULL,
	"longitude" numeric(9, 6) NOT NULL,
	"accuracy_meters" numeric(10, 1),
	"address" text,
	"note" text,
	"photo_attachment_id" uuid,
	"distance_from_customer_km" numeric(10, 3),
	"checked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_check_ins_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "visit_plan_items" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"opportunity_id" uuid,
	"planned_date" date,
	"half_day" text,
	"planned_visits" integer DEFAULT 1 NOT NULL,
	"purpose" text,
	"mode" text DEFAULT 'route' NOT NULL,
	"is_executive_booking" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"done_activity_id" uuid,
	"checked_in_at" timestamp with time zone,
	CONSTRAINT "visit_plan_items_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "visit_plan_reminders" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"reminded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_plan_reminders_workspace_id_user_id_week_start_pk" PRIMARY KEY("workspace_id","user_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "visit_plans" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"owner_id" uuid NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"parent_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"due_date" date,
	"submitted_at" timestamp with time zone,
	"submitted_on" date,
	"approval_id" uuid,
	"note" text,
	"created_by" uuid,
	CONSTRAINT "visit_plans_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "signals" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_workspace_id_opportunity_id_opportunities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_workspace_id_owner_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_report_recipients" ADD CONSTRAINT "call_report_recipients_workspace_id_call_report_id_call_reports_workspace_id_id_fk" FOREIGN KEY ("workspace_id","call_report_id") REFERENCES "public"."call_reports"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_report_recipients" ADD CONSTRAINT "call_report_recipients_workspace_id_user_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_reports" ADD CONSTRAINT "call_reports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_reports" ADD CONSTRAINT "call_reports_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_reports" ADD CONSTRAINT "call_reports_workspace_id_opportunity_id_opportunities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_reports" ADD CONSTRAINT "call_reports_workspace_id_activity_id_activities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","activity_id") REFERENCES "public"."activities"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_reports" ADD CONSTRAINT "call_reports_workspace_id_author_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","author_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_workspace_id_assignee_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","assignee_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_workspace_id_opportunity_id_opportunities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_workspace_id_call_report_id_call_reports_workspace_id_id_fk" FOREIGN KEY ("workspace_id","call_report_id") REFERENCES "public"."call_reports"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_workspace_id_opportunity_id_opportunities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_workspace_id_owner_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_workspace_id_opportunity_id_opportunities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_workspace_id_user_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_workspace_id_department_id_departments_workspace_id_id_fk" FOREIGN KEY ("workspace_id","department_id") REFERENCES "public"."departments"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_workspace_id_opportunity_id_opportunities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiation_reports" ADD CONSTRAINT "initiation_reports_workspace_id_opportunity_id_opportunities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_workspace_id_pipeline_id_pipelines_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pipeline_id") REFERENCES "public"."pipelines"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_workspace_id_stage_id_pipeline_stages_workspace_id_id_fk" FOREIGN KEY ("workspace_id","stage_id") REFERENCES "public"."pipeline_stages"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_workspace_id_owner_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_collaborators" ADD CONSTRAINT "opportunity_collaborators_workspace_id_opportunity_id_opportunities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_collaborators" ADD CONSTRAINT "opportunity_collaborators_workspace_id_user_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_contacts" ADD CONSTRAINT "opportunity_contacts_workspace_id_opportunity_id_opportunities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_contacts" ADD CONSTRAINT "opportunity_contacts_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_history" ADD CONSTRAINT "opportunity_stage_history_workspace_id_opportunity_id_opportunities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_stages" ADD CONSTRAINT "pipeline_stages_workspace_id_pipeline_id_pipelines_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pipeline_id") REFERENCES "public"."pipelines"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipelines" ADD CONSTRAINT "pipelines_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_check_ins" ADD CONSTRAINT "visit_check_ins_workspace_id_user_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_check_ins" ADD CONSTRAINT "visit_check_ins_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_check_ins" ADD CONSTRAINT "visit_check_ins_workspace_id_plan_item_id_visit_plan_items_workspace_id_id_fk" FOREIGN KEY ("workspace_id","plan_item_id") REFERENCES "public"."visit_plan_items"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_check_ins" ADD CONSTRAINT "visit_check_ins_workspace_id_activity_id_activities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","activity_id") REFERENCES "public"."activities"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_items" ADD CONSTRAINT "visit_plan_items_workspace_id_plan_id_visit_plans_workspace_id_id_fk" FOREIGN KEY ("workspace_id","plan_id") REFERENCES "public"."visit_plans"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_items" ADD CONSTRAINT "visit_plan_items_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_items" ADD CONSTRAINT "visit_plan_items_workspace_id_opportunity_id_opportunities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_items" ADD CONSTRAINT "visit_plan_items_workspace_id_done_activity_id_activities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","done_activity_id") REFERENCES "public"."activities"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_reminders" ADD CONSTRAINT "visit_plan_reminders_workspace_id_user_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_workspace_id_owner_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_workspace_id_parent_id_visit_plans_workspace_id_id_fk" FOREIGN KEY ("workspace_id","parent_id") REFERENCES "public"."visit_plans"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_occurred_idx" ON "activities" USING btree ("workspace_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "activities_owner_idx" ON "activities" USING btree ("workspace_id","owner_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "activities_customer_idx" ON "activities" USING btree ("workspace_id","customer_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "activities_opportunity_idx" ON "activities" USING btree ("workspace_id","opportunity_id","occurred_at","id") WHERE opportunity_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "activities_contact_idx" ON "activities" USING btree ("workspace_id","contact_id") WHERE contact_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "activities_type_idx" ON "activities" USING btree ("workspace_id","type","occurred_at");--> statement-breakpoint
CREATE INDEX "activities_status_idx" ON "activities" USING btree ("workspace_id","status","occurred_at");--> statement-breakpoint
CREATE INDEX "call_report_recipients_user_idx" ON "call_report_recipients" USING btree ("workspace_id","user_id","call_report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "call_reports_activity_uq" ON "call_reports" USING btree ("workspace_id","activity_id") WHERE activity_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "call_reports_author_idx" ON "call_reports" USING btree ("workspace_id","author_id","report_date","id");--> statement-breakpoint
CREATE INDEX "call_reports_customer_idx" ON "call_reports" USING btree ("workspace_id","customer_id","report_date","id");--> statement-breakpoint
CREATE INDEX "call_reports_opportunity_idx" ON "call_reports" USING btree ("workspace_id","opportunity_id","report_date","id") WHERE opportunity_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "call_reports_date_idx" ON "call_reports" USING btree ("workspace_id","report_date","id");--> statement-breakpoint
CREATE INDEX "call_reports_status_idx" ON "call_reports" USING btree ("workspace_id","status","report_date");--> statement-breakpoint
CREATE INDEX "call_reports_contact_idx" ON "call_reports" USING btree ("workspace_id","contact_id") WHERE contact_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_call_report_item_uq" ON "tasks" USING btree ("workspace_id","call_report_id","item_index") WHERE call_report_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "tasks_assignee_idx" ON "tasks" USING btree ("workspace_id","assignee_id","status","due_date","id");--> statement-breakpoint
CREATE INDEX "tasks_due_open_idx" ON "tasks" USING btree ("workspace_id","due_date") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "tasks_customer_idx" ON "tasks" USING btree ("workspace_id","customer_id","created_at") WHERE customer_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "tasks_opportunity_idx" ON "tasks" USING btree ("workspace_id","opportunity_id","created_at") WHERE opportunity_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "needs_customer_idx" ON "needs" USING btree ("workspace_id","customer_id","id");--> statement-breakpoint
CREATE INDEX "needs_owner_idx" ON "needs" USING btree ("workspace_id","owner_id","id");--> statement-breakpoint
CREATE INDEX "needs_step_idx" ON "needs" USING btree ("workspace_id","step","id");--> statement-breakpoint
CREATE INDEX "needs_confirmed_idx" ON "needs" USING btree ("workspace_id","confirmed_at") WHERE satisfaction_score IS NOT NULL;--> statement-breakpoint
CREATE INDEX "needs_opportunity_idx" ON "needs" USING btree ("workspace_id","opportunity_id") WHERE opportunity_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "touchpoints_occurred_idx" ON "touchpoints" USING btree ("workspace_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "touchpoints_customer_idx" ON "touchpoints" USING btree ("workspace_id","customer_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "touchpoints_user_idx" ON "touchpoints" USING btree ("workspace_id","user_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "touchpoints_channel_idx" ON "touchpoints" USING btree ("workspace_id","channel","occurred_at");--> statement-breakpoint
CREATE INDEX "touchpoints_opportunity_idx" ON "touchpoints" USING btree ("workspace_id","opportunity_id") WHERE opportunity_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "bids_opportunity_uq" ON "bids" USING btree ("workspace_id","opportunity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "initiation_reports_opportunity_uq" ON "initiation_reports" USING btree ("workspace_id","opportunity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunities_number_uq" ON "opportunities" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE INDEX "opportunities_owner_idx" ON "opportunities" USING btree ("workspace_id","owner_id","id");--> statement-breakpoint
CREATE INDEX "opportunities_customer_idx" ON "opportunities" USING btree ("workspace_id","customer_id","id");--> statement-breakpoint
CREATE INDEX "opportunities_stage_idx" ON "opportunities" USING btree ("workspace_id","pipeline_id","stage_id","status");--> statement-breakpoint
CREATE INDEX "opportunities_status_close_idx" ON "opportunities" USING btree ("workspace_id","status","expected_close_date");--> statement-breakpoint
CREATE INDEX "opportunities_department_idx" ON "opportunities" USING btree ("workspace_id","department_id");--> statement-breakpoint
CREATE INDEX "opportunities_search_idx" ON "opportunities" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "opportunity_collaborators_user_idx" ON "opportunity_collaborators" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "opportunity_contacts_contact_idx" ON "opportunity_contacts" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE INDEX "opportunity_stage_history_opportunity_idx" ON "opportunity_stage_history" USING btree ("workspace_id","opportunity_id","at");--> statement-breakpoint
CREATE INDEX "opportunity_stage_history_to_stage_idx" ON "opportunity_stage_history" USING btree ("workspace_id","to_stage_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "pipeline_stages_position_uq" ON "pipeline_stages" USING btree ("workspace_id","pipeline_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "pipelines_template_uq" ON "pipelines" USING btree ("workspace_id","template") WHERE template IS NOT NULL;--> statement-breakpoint
CREATE INDEX "visit_check_ins_user_idx" ON "visit_check_ins" USING btree ("workspace_id","user_id","checked_at");--> statement-breakpoint
CREATE INDEX "visit_check_ins_customer_idx" ON "visit_check_ins" USING btree ("workspace_id","customer_id","checked_at");--> statement-breakpoint
CREATE INDEX "visit_plan_items_plan_idx" ON "visit_plan_items" USING btree ("workspace_id","plan_id","position");--> statement-breakpoint
CREATE INDEX "visit_plan_items_date_idx" ON "visit_plan_items" USING btree ("workspace_id","planned_date") WHERE planned_date IS NOT NULL;--> statement-breakpoint
CREATE INDEX "visit_plan_items_customer_idx" ON "visit_plan_items" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_plans_owner_period_uq" ON "visit_plans" USING btree ("workspace_id","owner_id","period","period_start");--> statement-breakpoint
CREATE INDEX "visit_plans_period_idx" ON "visit_plans" USING btree ("workspace_id","period","period_start");--> statement-breakpoint
CREATE INDEX "visit_plans_parent_idx" ON "visit_plans" USING btree ("workspace_id","parent_id") WHERE parent_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "customers_location_idx" ON "customers" USING btree ("workspace_id","latitude","longitude") WHERE latitude IS NOT NULL AND longitude IS NOT NULL;--> statement-breakpoint
CREATE INDEX "leads_phone_trgm_idx" ON "leads" USING gin ("phone_normalised" gin_trgm_ops);