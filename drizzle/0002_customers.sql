CREATE TABLE "contacts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"department" text,
	"mobile" text,
	"mobile_normalised" text,
	"phone" text,
	"phone_normalised" text,
	"email" text,
	"im" text,
	"birthday" date,
	"notes" text,
	"reports_to_id" uuid,
	"buying_role" text,
	"attitude" text,
	"influence" text,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	CONSTRAINT "contacts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_borrow_records" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	CONSTRAINT "customer_borrow_records_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_collaborators" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"access" text NOT NULL,
	"expires_on" date,
	"added_by" uuid,
	CONSTRAINT "customer_collaborators_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_pool_events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"actor_id" uuid,
	"on_date" date NOT NULL,
	"reason" text,
	CONSTRAINT "customer_pool_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_profiles" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"key_people" text,
	"decision_model" text,
	"organisation_form" text,
	"interpersonal_style" text,
	"needs" text,
	"similar_customers" text,
	"financial_notes" text,
	"maintenance_plan" text,
	CONSTRAINT "customer_profiles_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"name_normalised" text NOT NULL,
	"credit_code" text,
	"industry" text,
	"size" text,
	"value_class" text DEFAULT 'C' NOT NULL,
	"status" text DEFAULT 'prospect' NOT NULL,
	"territory_id" uuid,
	"address" text,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"website" text,
	"phone" text,
	"phone_normalised" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"owner_id" uuid,
	"department_id" uuid,
	"owned_since" date,
	"last_follow_up_on" date,
	"last_deal_on" date,
	"is_locked" boolean DEFAULT false NOT NULL,
	"locked_by" uuid,
	"former_owner_id" uuid,
	"released_on" date,
	"reviewed_on" date,
	"recycle_warned_for" date,
	"created_by" uuid,
	CONSTRAINT "customers_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_workspace_id_reports_to_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","reports_to_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_borrow_records" ADD CONSTRAINT "customer_borrow_records_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_collaborators" ADD CONSTRAINT "customer_collaborators_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_collaborators" ADD CONSTRAINT "customer_collaborators_workspace_id_user_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_pool_events" ADD CONSTRAINT "customer_pool_events_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_profiles" ADD CONSTRAINT "customer_profiles_workspace_id_customer_id_customers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_workspace_id_owner_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_workspace_id_department_id_departments_workspace_id_id_fk" FOREIGN KEY ("workspace_id","department_id") REFERENCES "public"."departments"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_workspace_id_territory_id_territories_workspace_id_id_fk" FOREIGN KEY ("workspace_id","territory_id") REFERENCES "public"."territories"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_customer_idx" ON "contacts" USING btree ("workspace_id","customer_id","name","id");--> statement-breakpoint
CREATE INDEX "contacts_mobile_idx" ON "contacts" USING btree ("workspace_id","mobile_normalised") WHERE mobile_normalised IS NOT NULL;--> statement-breakpoint
CREATE INDEX "contacts_phone_idx" ON "contacts" USING btree ("workspace_id","phone_normalised") WHERE phone_normalised IS NOT NULL;--> statement-breakpoint
CREATE INDEX "contacts_reports_to_idx" ON "contacts" USING btree ("workspace_id","reports_to_id");--> statement-breakpoint
CREATE INDEX "customer_borrow_records_customer_idx" ON "customer_borrow_records" USING btree ("workspace_id","customer_id","id");--> statement-breakpoint
CREATE INDEX "customer_borrow_records_user_idx" ON "customer_borrow_records" USING btree ("workspace_id","user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_collaborators_uq" ON "customer_collaborators" USING btree ("workspace_id","customer_id","user_id");--> statement-breakpoint
CREATE INDEX "customer_collaborators_user_idx" ON "customer_collaborators" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "customer_pool_events_user_idx" ON "customer_pool_events" USING btree ("workspace_id","user_id","kind","on_date");--> statement-breakpoint
CREATE INDEX "customer_pool_events_customer_idx" ON "customer_pool_events" USING btree ("workspace_id","customer_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_profiles_customer_uq" ON "customer_profiles" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_name_uq" ON "customers" USING btree ("workspace_id","name_normalised");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_credit_code_uq" ON "customers" USING btree ("workspace_id","credit_code") WHERE credit_code IS NOT NULL;--> statement-breakpoint
CREATE INDEX "customers_phone_idx" ON "customers" USING btree ("workspace_id","phone_normalised") WHERE phone_normalised IS NOT NULL;--> statement-breakpoint
CREATE INDEX "customers_owner_updated_idx" ON "customers" USING btree ("workspace_id","owner_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "customers_owner_name_idx" ON "customers" USING btree ("workspace_id","owner_id","name","id");--> statement-breakpoint
CREATE INDEX "customers_updated_idx" ON "customers" USING btree ("workspace_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "customers_name_idx" ON "customers" USING btree ("workspace_id","name","id");--> statement-breakpoint
CREATE INDEX "customers_pool_idx" ON "customers" USING btree ("workspace_id","updated_at","id") WHERE owner_id IS NULL;--> statement-breakpoint
CREATE INDEX "customers_department_idx" ON "customers" USING btree ("workspace_id","department_id");--> statement-breakpoint
CREATE INDEX "customers_value_class_idx" ON "customers" USING btree ("workspace_id","value_class");--> statement-breakpoint
CREATE INDEX "customers_status_idx" ON "customers" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE INDEX "customers_territory_idx" ON "customers" USING btree ("workspace_id","territory_id");--> statement-breakpoint
CREATE INDEX "customers_industry_idx" ON "customers" USING btree ("workspace_id","industry");--> statement-breakpoint
CREATE INDEX "customers_created_idx" ON "customers" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "customers_follow_up_idx" ON "customers" USING btree ("workspace_id","last_follow_up_on");--> statement-breakpoint
CREATE INDEX "customers_reviewed_idx" ON "customers" USING btree ("workspace_id","reviewed_on");--> statement-breakpoint
CREATE INDEX "customers_tags_idx" ON "customers" USING gin ("tags");