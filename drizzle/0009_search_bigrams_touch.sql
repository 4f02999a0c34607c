-- the two-character pieces of search keys that hold a non-ASCII character (中科, 张伟): a trigram index
-- cannot serve a two-character query, this GIN index can (platform/search/search-text.sql.ts)
CREATE OR REPLACE FUNCTION kairos_name_bigrams(keys text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT coalesce(array_agg(DISTINCT piece), '{}'::text[])
    FROM (SELECT substr(keys, i, 2) AS piece FROM generate_series(1, char_length(keys) - 1) AS i) pieces
    WHERE octet_length(piece) > 2 AND strpos(piece, ' ') = 0
  $$;--> statement-breakpoint
DROP INDEX "customers_follow_up_idx";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "last_touch_on" date GENERATED ALWAYS AS (coalesce(last_follow_up_on, owned_since)) STORED;--> statement-breakpoint
CREATE INDEX "contacts_search_bigram_idx" ON "contacts" USING gin (kairos_name_bigrams("search_text"));--> statement-breakpoint
CREATE INDEX "customers_touch_idx" ON "customers" USING btree ("workspace_id","owner_id","last_touch_on");--> statement-breakpoint
CREATE INDEX "customers_search_bigram_idx" ON "customers" USING gin (kairos_name_bigrams("search_text"));--> statement-breakpoint
CREATE INDEX "leads_search_bigram_idx" ON "leads" USING gin (kairos_name_bigrams("search_text"));