CREATE TABLE "credit_downgrade_triggers" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"evidence" text NOT NULL,
	"attachment_ids" jsonb NOT NULL,
	"status" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"task_id" uuid,
	"rating_id" uuid,
	CONSTRAINT "credit_downgrade_triggers_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "credit_investigations" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"basic" jsonb NOT NULL,
	"bank" jsonb NOT NULL,
	"financials" jsonb NOT NULL,
	"other" jsonb NOT NULL,
	"attachment_ids" jsonb NOT NULL,
	"customer_confirmed" boolean DEFAULT false NOT NULL,
	"business_history" jsonb,
	"prepared_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"evaluation" text,
	"suggested_grade" text,
	"next_due_on" date,
	"renewal_task_id" uuid,
	CONSTRAINT "credit_investigations_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "credit_ratings" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"investigation_id" uuid,
	"dimensions" jsonb NOT NULL,
	"total" numeric(5, 2) NOT NULL,
	"grade" text NOT NULL,
	"previous_grade" text,
	"suggested_terms_days" integer NOT NULL,
	"reason" text NOT NULL,
	"rated_by" uuid NOT NULL,
	"rated_on" date NOT NULL,
	CONSTRAINT "credit_ratings_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "credit_downgrade_triggers" ADD CONSTRAINT "credit_downgrade_triggers_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_downgrade_triggers" ADD CONSTRAINT "credit_downgrade_triggers_workspace_id_recorded_by_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","recorded_by") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_investigations" ADD CONSTRAINT "credit_investigations_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_investigations" ADD CONSTRAINT "credit_investigations_workspace_id_prepared_by_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","prepared_by") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ratings" ADD CONSTRAINT "credit_ratings_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ratings" ADD CONSTRAINT "credit_ratings_workspace_id_rated_by_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","rated_by") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_downgrade_triggers_customer_idx" ON "credit_downgrade_triggers" USING btree ("workspace_id","customer_id","id");--> statement-breakpoint
CREATE INDEX "credit_downgrade_triggers_open_idx" ON "credit_downgrade_triggers" USING btree ("workspace_id","customer_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "credit_investigations_customer_idx" ON "credit_investigations" USING btree ("workspace_id","customer_id","id");--> statement-breakpoint
CREATE INDEX "credit_investigations_due_idx" ON "credit_investigations" USING btree ("workspace_id","next_due_on") WHERE status = 'reviewed' and renewal_task_id is null;--> statement-breakpoint
CREATE INDEX "credit_ratings_customer_idx" ON "credit_ratings" USING btree ("workspace_id","customer_id","id");