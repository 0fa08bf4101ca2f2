CREATE TABLE `activity_signoffs` (
	`activity_id` integer PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`checked_at` text DEFAULT '' NOT NULL,
	`checked_by` text DEFAULT '' NOT NULL,
	`recommendation` text DEFAULT '' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_signoffs_state` ON `activity_signoffs` (`state`);--> statement-breakpoint
CREATE TABLE `dpo_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`ref` text NOT NULL,
	`activity_id` integer,
	`activity_label` text DEFAULT '' NOT NULL,
	`check_code` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`due_on` text DEFAULT '' NOT NULL,
	`priority` text DEFAULT 'medium' NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`outcome` text DEFAULT '' NOT NULL,
	`closed_on` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dpo_actions_org_ref` ON `dpo_actions` (`organisation_id`,`ref`);--> statement-breakpoint
CREATE INDEX `dpo_actions_state` ON `dpo_actions` (`state`);--> statement-breakpoint
CREATE INDEX `dpo_actions_activity` ON `dpo_actions` (`activity_id`);--> statement-breakpoint
-- Hand edit (issue 25): an activity created by an import was submitted by a department; every other existing activity stays a draft (no row).
INSERT INTO `activity_signoffs` (`activity_id`, `state`, `updated_at`) SELECT a.`id`, 'submitted', a.`updated_at` FROM `activities` a WHERE EXISTS (SELECT 1 FROM `history` h WHERE h.`entity_type` = 'activity' AND h.`entity_id` = a.`id` AND h.`action` = 'create' AND h.`source` = 'import');
