CREATE TABLE "forecast_submissions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"owner_id" uuid NOT NULL,
	"month" text NOT NULL,
	"submitted_amount" numeric(18, 2) NOT NULL,
	"submitted_note" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"system_weighted" numeric(18, 2) NOT NULL,
	"system_commit" numeric(18, 2) NOT NULL,
	"adjusted_amount" numeric(18, 2),
	"adjusted_by" uuid,
	"adjusted_at" timestamp with time zone,
	"adjust_note" text,
	CONSTRAINT "forecast_submissions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "forecast_submissions" ADD CONSTRAINT "forecast_submissions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_submissions" ADD CONSTRAINT "forecast_submissions_workspace_id_owner_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_submissions" ADD CONSTRAINT "forecast_submissions_workspace_id_adjusted_by_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","adjusted_by") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "forecast_submissions_owner_month_uq" ON "forecast_submissions" USING btree ("workspace_id","owner_id","month");--> statement-breakpoint
CREATE INDEX "forecast_submissions_month_idx" ON "forecast_submissions" USING btree ("workspace_id","month","id");