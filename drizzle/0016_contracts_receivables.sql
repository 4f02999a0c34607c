CREATE TABLE "contracts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"number" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"opportunity_id" uuid,
	"quote_id" uuid,
	"title" text NOT NULL,
	"buyer_party" text NOT NULL,
	"seller_party" text NOT NULL,
	"contract_date" date NOT NULL,
	"lines" jsonb NOT NULL,
	"payment_plan" jsonb NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"delivery_terms" text,
	"status" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"approval_id" uuid,
	"submitted_by" uuid,
	"signed_on" date,
	"signed_by" uuid,
	CONSTRAINT "contracts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "receivables" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"contract_id" uuid NOT NULL,
	"plan_index" integer NOT NULL,
	"customer_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_date" date NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"received" numeric(18, 2) DEFAULT '0.00' NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "receivables_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_workspace_id_opportunity_id_opportunities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_workspace_id_owner_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receivables" ADD CONSTRAINT "receivables_workspace_id_contract_id_contracts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contract_id") REFERENCES "public"."contracts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receivables" ADD CONSTRAINT "receivables_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receivables" ADD CONSTRAINT "receivables_workspace_id_owner_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_number_uq" ON "contracts" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE INDEX "contracts_owner_idx" ON "contracts" USING btree ("workspace_id","owner_id","id");--> statement-breakpoint
CREATE INDEX "contracts_status_idx" ON "contracts" USING btree ("workspace_id","status","id");--> statement-breakpoint
CREATE INDEX "contracts_customer_idx" ON "contracts" USING btree ("workspace_id","customer_id","id");--> statement-breakpoint
CREATE INDEX "contracts_signed_on_idx" ON "contracts" USING btree ("workspace_id","signed_on") WHERE signed_on is not null;--> statement-breakpoint
CREATE INDEX "contracts_opportunity_idx" ON "contracts" USING btree ("workspace_id","opportunity_id") WHERE opportunity_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "receivables_plan_line_uq" ON "receivables" USING btree ("workspace_id","contract_id","plan_index");--> statement-breakpoint
CREATE INDEX "receivables_customer_idx" ON "receivables" USING btree ("workspace_id","customer_id","status","due_date","id");--> statement-breakpoint
CREATE INDEX "receivables_owner_idx" ON "receivables" USING btree ("workspace_id","owner_id","due_date","id");--> statement-breakpoint
CREATE INDEX "receivables_status_idx" ON "receivables" USING btree ("workspace_id","status","due_date","id");