CREATE TABLE "payment_slips" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"receivable_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"received_on" date NOT NULL,
	"method" text NOT NULL,
	"reference" text,
	"note" text,
	"status" text DEFAULT 'in_review' NOT NULL,
	"approval_id" uuid,
	"payment_id" uuid,
	"filed_by" uuid NOT NULL,
	CONSTRAINT "payment_slips_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "payment_slips" ADD CONSTRAINT "payment_slips_workspace_id_receivable_id_receivables_workspace_id_id_fk" FOREIGN KEY ("workspace_id","receivable_id") REFERENCES "public"."receivables"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_slips" ADD CONSTRAINT "payment_slips_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_slips_status_idx" ON "payment_slips" USING btree ("workspace_id","status","created_at");--> statement-breakpoint
CREATE INDEX "payment_slips_owner_idx" ON "payment_slips" USING btree ("workspace_id","owner_id","created_at");--> statement-breakpoint
CREATE INDEX "payment_slips_receivable_idx" ON "payment_slips" USING btree ("workspace_id","receivable_id");