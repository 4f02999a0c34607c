CREATE TABLE "shipments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"number" text NOT NULL,
	"order_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"lines" jsonb NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"planned_date" date NOT NULL,
	"delivery_address" text,
	"note" text,
	"priority_rank" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"carrier" text,
	"tracking_no" text,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"picked_at" timestamp with time zone,
	"picked_by" uuid,
	"packed_at" timestamp with time zone,
	"packed_by" uuid,
	"shipped_at" timestamp with time zone,
	"shipped_by" uuid,
	"handed_over_at" timestamp with time zone,
	"delivered_by" uuid,
	"receiver" text,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancel_reason" text,
	"override_status" text,
	"override_approval_id" uuid,
	"override_reason" text,
	"credit_position" jsonb,
	"created_by" uuid NOT NULL,
	CONSTRAINT "shipments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_workspace_id_order_id_orders_workspace_id_id_fk" FOREIGN KEY ("workspace_id","order_id") REFERENCES "public"."orders"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_workspace_id_contract_id_contracts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contract_id") REFERENCES "public"."contracts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_workspace_id_owner_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_number_uq" ON "shipments" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE INDEX "shipments_queue_idx" ON "shipments" USING btree ("workspace_id","status","priority_rank","planned_date","id");--> statement-breakpoint
CREATE INDEX "shipments_planned_idx" ON "shipments" USING btree ("workspace_id","planned_date","id");--> statement-breakpoint
CREATE INDEX "shipments_customer_idx" ON "shipments" USING btree ("workspace_id","customer_id","status");--> statement-breakpoint
CREATE INDEX "shipments_order_idx" ON "shipments" USING btree ("workspace_id","order_id","status");--> statement-breakpoint
CREATE INDEX "shipments_contract_idx" ON "shipments" USING btree ("workspace_id","contract_id","status");--> statement-breakpoint
CREATE INDEX "shipments_owner_idx" ON "shipments" USING btree ("workspace_id","owner_id","id");