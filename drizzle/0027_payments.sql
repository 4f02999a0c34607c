CREATE TABLE "payment_allocations" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"payment_id" uuid NOT NULL,
	"receivable_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"received_on" date NOT NULL,
	"reversed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	CONSTRAINT "payment_allocations_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"received_on" date NOT NULL,
	"method" text NOT NULL,
	"reference" text,
	"note" text,
	"unallocated" numeric(18, 2) DEFAULT '0.00' NOT NULL,
	"status" text DEFAULT 'recorded' NOT NULL,
	"reversed_at" timestamp with time zone,
	"reversed_by" uuid,
	"reverse_reason" text,
	"created_by" uuid NOT NULL,
	CONSTRAINT "payments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_workspace_id_payment_id_payments_workspace_id_id_fk" FOREIGN KEY ("workspace_id","payment_id") REFERENCES "public"."payments"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_workspace_id_receivable_id_receivables_workspace_id_id_fk" FOREIGN KEY ("workspace_id","receivable_id") REFERENCES "public"."receivables"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_workspace_id_owner_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_allocations_payment_idx" ON "payment_allocations" USING btree ("workspace_id","payment_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_receivable_idx" ON "payment_allocations" USING btree ("workspace_id","receivable_id","received_on") WHERE reversed_at is null;--> statement-breakpoint
CREATE INDEX "payment_allocations_received_idx" ON "payment_allocations" USING btree ("workspace_id","received_on","owner_id");--> statement-breakpoint
CREATE INDEX "payments_customer_idx" ON "payments" USING btree ("workspace_id","customer_id","received_on","id");--> statement-breakpoint
CREATE INDEX "payments_received_idx" ON "payments" USING btree ("workspace_id","received_on","id");--> statement-breakpoint
CREATE INDEX "payments_owner_idx" ON "payments" USING btree ("workspace_id","owner_id","received_on","id");