ALTER TABLE "leads" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "leads_search_idx" ON "leads" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
-- existing rows get company and contact name as search keys (no pinyin in SQL); every write path sets the full keys
UPDATE "leads" SET "search_text" = lower("company" || coalesce(' ' || "contact_name", '')) WHERE "search_text" = '';
