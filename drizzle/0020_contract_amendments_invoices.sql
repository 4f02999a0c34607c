CREATE TABLE "contract_amendments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"contract_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"reason" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"status" text NOT NULL,
	"contract_version" integer NOT NULL,
	"approval_id" uuid,
	"requested_by" uuid NOT NULL,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	CONSTRAINT "contract_amendments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "invoice_requests" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"number" text NOT NULL,
	"contract_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"invoice_type" text NOT NULL,
	"title" text NOT NULL,
	"tax_number" text NOT NULL,
	"bank_name" text,
	"bank_account" text,
	"address" text,
	"phone" text,
	"amount" numeric(18, 2) NOT NULL,
	"note" text,
	"status" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"approval_id" uuid,
	"invoice_number" text,
	"issued_on" date,
	"courier" text,
	"tracking_no" text,
	"issued_by" uuid,
	"issued_at" timestamp with time zone,
	CONSTRAINT "invoice_requests_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "amendment_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "copied_from_id" uuid;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "terminated_on" date;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "terminated_by" uuid;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "termination_reason" text;--> statement-breakpoint
ALTER TABLE "contract_amendments" ADD CONSTRAINT "contract_amendments_workspace_id_contract_id_contracts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contract_id") REFERENCES "public"."contracts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_amendments" ADD CONSTRAINT "contract_amendments_workspace_id_requested_by_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","requested_by") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_requests" ADD CONSTRAINT "invoice_requests_workspace_id_contract_id_contracts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contract_id") REFERENCES "public"."contracts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_requests" ADD CONSTRAINT "invoice_requests_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_requests" ADD CONSTRAINT "invoice_requests_workspace_id_owner_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_amendments_seq_uq" ON "contract_amendments" USING btree ("workspace_id","contract_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_amendments_pending_uq" ON "contract_amendments" USING btree ("workspace_id","contract_id") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_requests_number_uq" ON "invoice_requests" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE INDEX "invoice_requests_owner_idx" ON "invoice_requests" USING btree ("workspace_id","owner_id","id");--> statement-breakpoint
CREATE INDEX "invoice_requests_status_idx" ON "invoice_requests" USING btree ("workspace_id","status","id");--> statement-breakpoint
CREATE INDEX "invoice_requests_contract_idx" ON "invoice_requests" USING btree ("workspace_id","contract_id","status");--> statement-breakpoint
CREATE INDEX "invoice_requests_customer_idx" ON "invoice_requests" USING btree ("workspace_id","customer_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_requests_invoice_number_uq" ON "invoice_requests" USING btree ("workspace_id","invoice_number") WHERE invoice_number is not null;