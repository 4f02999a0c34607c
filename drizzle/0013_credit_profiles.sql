CREATE TABLE "credit_change_requests" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"profile_version" integer NOT NULL,
	"old_limit" numeric(18, 2),
	"old_terms_days" integer,
	"old_grade" text,
	"new_limit" numeric(18, 2) NOT NULL,
	"new_terms_days" integer NOT NULL,
	"new_grade" text NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"approval_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	CONSTRAINT "credit_change_requests_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "credit_profile_history" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"request_id" uuid,
	"approval_id" uuid,
	"old_limit" numeric(18, 2),
	"old_terms_days" integer,
	"old_grade" text,
	"new_limit" numeric(18, 2) NOT NULL,
	"new_terms_days" integer NOT NULL,
	"new_grade" text NOT NULL,
	"effective_from" date NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid,
	"approved_by" uuid,
	CONSTRAINT "credit_profile_history_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "credit_profiles" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"credit_limit" numeric(18, 2) NOT NULL,
	"terms_days" integer NOT NULL,
	"grade" text NOT NULL,
	"effective_from" date NOT NULL,
	"reason" text NOT NULL,
	"request_id" uuid,
	CONSTRAINT "credit_profiles_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "credit_change_requests" ADD CONSTRAINT "credit_change_requests_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_change_requests" ADD CONSTRAINT "credit_change_requests_workspace_id_requested_by_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","requested_by") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_profile_history" ADD CONSTRAINT "credit_profile_history_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_profiles" ADD CONSTRAINT "credit_profiles_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_profiles" ADD CONSTRAINT "credit_profiles_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_change_requests_pending_uq" ON "credit_change_requests" USING btree ("workspace_id","customer_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "credit_change_requests_customer_idx" ON "credit_change_requests" USING btree ("workspace_id","customer_id","id");--> statement-breakpoint
CREATE INDEX "credit_profile_history_customer_idx" ON "credit_profile_history" USING btree ("workspace_id","customer_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_profiles_customer_uq" ON "credit_profiles" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE INDEX "credit_profiles_grade_idx" ON "credit_profiles" USING btree ("workspace_id","grade","customer_id");