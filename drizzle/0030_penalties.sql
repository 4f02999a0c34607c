CREATE TABLE "penalty_lines" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"run_id" uuid NOT NULL,
	"month" text NOT NULL,
	"receivable_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_date" date NOT NULL,
	"deferred_from" date,
	"days_overdue" integer NOT NULL,
	"base_amount" numeric(18, 2) NOT NULL,
	"rate" numeric(9, 6),
	"amount" numeric(18, 2) NOT NULL,
	CONSTRAINT "penalty_lines_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "penalty_runs" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"month" text NOT NULL,
	"month_end" date NOT NULL,
	"policy" jsonb NOT NULL,
	"run_by" uuid NOT NULL,
	"line_count" integer DEFAULT 0 NOT NULL,
	"total" numeric(18, 2) DEFAULT '0.00' NOT NULL,
	CONSTRAINT "penalty_runs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "penalty_shares" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"role" text NOT NULL,
	"month" text NOT NULL,
	"receivable_id" uuid NOT NULL,
	"user_id" uuid,
	"amount" numeric(18, 2) NOT NULL,
	CONSTRAINT "penalty_shares_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "penalty_shares_line_role_user_uq" UNIQUE NULLS NOT DISTINCT("workspace_id","line_id","role","user_id")
);
--> statement-breakpoint
ALTER TABLE "penalty_lines" ADD CONSTRAINT "penalty_lines_workspace_id_run_id_penalty_runs_workspace_id_id_fk" FOREIGN KEY ("workspace_id","run_id") REFERENCES "public"."penalty_runs"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_lines" ADD CONSTRAINT "penalty_lines_workspace_id_receivable_id_receivables_workspace_id_id_fk" FOREIGN KEY ("workspace_id","receivable_id") REFERENCES "public"."receivables"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_shares" ADD CONSTRAINT "penalty_shares_workspace_id_line_id_penalty_lines_workspace_id_id_fk" FOREIGN KEY ("workspace_id","line_id") REFERENCES "public"."penalty_lines"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_shares" ADD CONSTRAINT "penalty_shares_workspace_id_user_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_lines_month_uq" ON "penalty_lines" USING btree ("workspace_id","month","receivable_id","kind");--> statement-breakpoint
CREATE INDEX "penalty_lines_receivable_idx" ON "penalty_lines" USING btree ("workspace_id","receivable_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_runs_month_uq" ON "penalty_runs" USING btree ("workspace_id","month");--> statement-breakpoint
CREATE INDEX "penalty_shares_month_user_idx" ON "penalty_shares" USING btree ("workspace_id","month","user_id");--> statement-breakpoint
CREATE INDEX "penalty_shares_receivable_idx" ON "penalty_shares" USING btree ("workspace_id","receivable_id","month");