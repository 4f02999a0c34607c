CREATE TABLE "dunning_todos" (
	"workspace_id" uuid NOT NULL,
	"receivable_id" uuid NOT NULL,
	"step" text NOT NULL,
	"task_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"created_on" date NOT NULL,
	"closed_on" date,
	CONSTRAINT "dunning_todos_workspace_id_receivable_id_step_pk" PRIMARY KEY("workspace_id","receivable_id","step")
);
--> statement-breakpoint
ALTER TABLE "dunning_todos" ADD CONSTRAINT "dunning_todos_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_todos" ADD CONSTRAINT "dunning_todos_workspace_id_receivable_id_receivables_workspace_id_id_fk" FOREIGN KEY ("workspace_id","receivable_id") REFERENCES "public"."receivables"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dunning_todos_open_idx" ON "dunning_todos" USING btree ("workspace_id","receivable_id") WHERE closed_on is null;--> statement-breakpoint
CREATE INDEX "receivables_open_due_idx" ON "receivables" USING btree ("workspace_id","due_date","id") WHERE status in ('open', 'partial');