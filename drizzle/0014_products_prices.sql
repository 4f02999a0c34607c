CREATE TABLE "price_change_lines" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"old_price" numeric(18, 2),
	"new_price" numeric(18, 2) NOT NULL,
	CONSTRAINT "price_change_lines_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "price_change_requests" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"product_id" uuid,
	"price_list_id" uuid,
	"status" text NOT NULL,
	"old_list_price" numeric(18, 2),
	"old_floor_price" numeric(18, 2),
	"old_float_range" numeric(5, 2),
	"old_cost" numeric(18, 2),
	"new_list_price" numeric(18, 2),
	"new_floor_price" numeric(18, 2),
	"new_float_range" numeric(5, 2),
	"new_cost" numeric(18, 2),
	"effective_from" date NOT NULL,
	"applied_from" date,
	"reason" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"approval_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	CONSTRAINT "price_change_requests_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "price_list_lines" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"price_list_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"price" numeric(18, 2) NOT NULL,
	"effective_from" date NOT NULL,
	"request_id" uuid,
	CONSTRAINT "price_list_lines_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "price_lists" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"customer_class" text,
	"channel" text,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	CONSTRAINT "price_lists_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "product_prices" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"product_id" uuid NOT NULL,
	"list_price" numeric(18, 2) NOT NULL,
	"floor_price" numeric(18, 2) NOT NULL,
	"float_range" numeric(5, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	"effective_from" date NOT NULL,
	"reason" text NOT NULL,
	"request_id" uuid,
	"requested_by" uuid,
	"approved_by" uuid,
	CONSTRAINT "product_prices_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"unit" text NOT NULL,
	"category" text,
	"spec" text,
	"tax_rate" numeric(5, 2) NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	CONSTRAINT "products_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "price_change_lines" ADD CONSTRAINT "price_change_lines_workspace_id_request_id_price_change_requests_workspace_id_id_fk" FOREIGN KEY ("workspace_id","request_id") REFERENCES "public"."price_change_requests"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_change_lines" ADD CONSTRAINT "price_change_lines_workspace_id_product_id_products_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."products"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_change_requests" ADD CONSTRAINT "price_change_requests_workspace_id_product_id_products_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."products"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_change_requests" ADD CONSTRAINT "price_change_requests_workspace_id_price_list_id_price_lists_workspace_id_id_fk" FOREIGN KEY ("workspace_id","price_list_id") REFERENCES "public"."price_lists"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_change_requests" ADD CONSTRAINT "price_change_requests_workspace_id_requested_by_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","requested_by") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_lines" ADD CONSTRAINT "price_list_lines_workspace_id_price_list_id_price_lists_workspace_id_id_fk" FOREIGN KEY ("workspace_id","price_list_id") REFERENCES "public"."price_lists"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_lines" ADD CONSTRAINT "price_list_lines_workspace_id_product_id_products_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."products"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_lists" ADD CONSTRAINT "price_lists_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_prices" ADD CONSTRAINT "product_prices_workspace_id_product_id_products_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."products"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "price_change_lines_uq" ON "price_change_lines" USING btree ("workspace_id","request_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "price_change_requests_product_pending_uq" ON "price_change_requests" USING btree ("workspace_id","product_id") WHERE status = 'pending' and product_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "price_change_requests_list_pending_uq" ON "price_change_requests" USING btree ("workspace_id","price_list_id") WHERE status = 'pending' and price_list_id is not null;--> statement-breakpoint
CREATE INDEX "price_change_requests_status_idx" ON "price_change_requests" USING btree ("workspace_id","status","id");--> statement-breakpoint
CREATE INDEX "price_change_requests_product_idx" ON "price_change_requests" USING btree ("workspace_id","product_id","id");--> statement-breakpoint
CREATE INDEX "price_change_requests_list_idx" ON "price_change_requests" USING btree ("workspace_id","price_list_id","id");--> statement-breakpoint
CREATE INDEX "price_list_lines_lookup_idx" ON "price_list_lines" USING btree ("workspace_id","price_list_id","product_id","effective_from");--> statement-breakpoint
CREATE INDEX "price_list_lines_product_idx" ON "price_list_lines" USING btree ("workspace_id","product_id","price_list_id");--> statement-breakpoint
CREATE INDEX "price_lists_class_idx" ON "price_lists" USING btree ("workspace_id","customer_class","effective_from");--> statement-breakpoint
CREATE INDEX "price_lists_channel_idx" ON "price_lists" USING btree ("workspace_id","channel","effective_from");--> statement-breakpoint
CREATE INDEX "product_prices_lookup_idx" ON "product_prices" USING btree ("workspace_id","product_id","effective_from","id");--> statement-breakpoint
CREATE UNIQUE INDEX "products_code_uq" ON "products" USING btree ("workspace_id","code");--> statement-breakpoint
CREATE INDEX "products_category_idx" ON "products" USING btree ("workspace_id","category","code");--> statement-breakpoint
CREATE INDEX "products_active_idx" ON "products" USING btree ("workspace_id","is_active","code");--> statement-breakpoint
CREATE INDEX "products_search_idx" ON "products" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_search_bigram_idx" ON "products" USING gin (kairos_name_bigrams("search_text"));