ALTER TABLE `activities` ADD `last_reviewed_by` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `next_review_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `review_period_months` integer DEFAULT 12 NOT NULL;