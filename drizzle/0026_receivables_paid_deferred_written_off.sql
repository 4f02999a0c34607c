ALTER TABLE "receivables" ADD COLUMN "paid_on" date;--> statement-breakpoint
ALTER TABLE "receivables" ADD COLUMN "deferred_from" date;--> statement-breakpoint
ALTER TABLE "receivables" ADD COLUMN "written_off_on" date;--> statement-breakpoint
-- lines already paid before this column existed: the day of their last update in the workspace's time zone
UPDATE "receivables" r SET "paid_on" = (r."updated_at" AT TIME ZONE w."time_zone")::date FROM "workspaces" w WHERE w."id" = r."workspace_id" AND r."status" = 'paid';
