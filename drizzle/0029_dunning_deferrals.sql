CREATE TABLE "deferral_requests" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"receivable_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"current_due_date" date NOT NULL,
	"original_due_date" date NOT NULL,
	"new_due_date" date NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"approval_id" uuid,
	"decided_at" timestamp with time zone,
	"decided_on" date,
	CONSTRAINT "deferral_requests_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "dunning_steps" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"receivable_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"step" text NOT NULL,
	"status" text NOT NULL,
	"acted_on" date NOT NULL,
	"acted_by" uuid NOT NULL,
	"note" text,
	"deadline" date,
	"approval_id" uuid,
	CONSTRAINT "dunning_steps_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "deferral_requests" ADD CONSTRAINT "deferral_requests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deferral_requests" ADD CONSTRAINT "deferral_requests_workspace_id_receivable_id_receivables_workspace_id_id_fk" FOREIGN KEY ("workspace_id","receivable_id") REFERENCES "public"."receivables"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deferral_requests" ADD CONSTRAINT "deferral_requests_workspace_id_requested_by_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","requested_by") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_steps" ADD CONSTRAINT "dunning_steps_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_steps" ADD CONSTRAINT "dunning_steps_workspace_id_receivable_id_receivables_workspace_id_id_fk" FOREIGN KEY ("workspace_id","receivable_id") REFERENCES "public"."receivables"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_steps" ADD CONSTRAINT "dunning_steps_workspace_id_acted_by_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","acted_by") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deferral_requests_pending_uq" ON "deferral_requests" USING btree ("workspace_id","receivable_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "deferral_requests_receivable_idx" ON "deferral_requests" USING btree ("workspace_id","receivable_id","id");--> statement-breakpoint
CREATE INDEX "deferral_requests_status_idx" ON "deferral_requests" USING btree ("workspace_id","status","decided_on");--> statement-breakpoint
CREATE INDEX "dunning_steps_receivable_idx" ON "dunning_steps" USING btree ("workspace_id","receivable_id","acted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "dunning_steps_write_off_pending_uq" ON "dunning_steps" USING btree ("workspace_id","receivable_id") WHERE step = 'write_off' and status = 'pending';