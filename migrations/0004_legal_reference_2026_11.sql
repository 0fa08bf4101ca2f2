CREATE TABLE `international_organisations` (
	`code` text PRIMARY KEY NOT NULL,
	`name_fr` text NOT NULL,
	`name_en` text NOT NULL,
	`acronym_fr` text DEFAULT '' NOT NULL,
	`acronym_en` text DEFAULT '' NOT NULL,
	`aliases_json` text DEFAULT '[]' NOT NULL,
	`adequacy` text DEFAULT 'none' NOT NULL,
	`adequacy_decision_date` text DEFAULT '' NOT NULL,
	`adequacy_scope_fr` text DEFAULT '' NOT NULL,
	`adequacy_scope_en` text DEFAULT '' NOT NULL,
	`dpo_edited` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reference_datasets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`as_of` text NOT NULL,
	`sha256` text DEFAULT '' NOT NULL,
	`sources_json` text DEFAULT '[]' NOT NULL,
	`applied_at` text NOT NULL,
	`report_json` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_activity_transfers` (
	`activity_id` integer NOT NULL,
	`position` integer NOT NULL,
	`recipient` text NOT NULL,
	`country` text NOT NULL,
	`safeguard` text,
	`derogation` text,
	`documentation` text DEFAULT '' NOT NULL,
	`tia_ref` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`activity_id`, `position`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_activity_transfers`("activity_id", "position", "recipient", "country", "safeguard", "derogation", "documentation") SELECT "activity_id", "position", "recipient", "country", "safeguard", "derogation", "documentation" FROM `activity_transfers`;--> statement-breakpoint
DROP TABLE `activity_transfers`;--> statement-breakpoint
ALTER TABLE `__new_activity_transfers` RENAME TO `activity_transfers`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `activity_transfers_country` ON `activity_transfers` (`country`);--> statement-breakpoint
ALTER TABLE `countries` ADD `dpo_edited` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `recipients` ADD `dpf_verified_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `vocabulary` ADD `dpo_edited` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Entries the DPO already changed (recorded in the history) are marked, so that the dated reference
-- data set applied when the register is opened (core/reference/apply.ts) never overwrites them.
UPDATE `countries` SET `dpo_edited` = 1 WHERE `code` IN (SELECT `entity_label` FROM `history` WHERE `entity_type` = 'country');--> statement-breakpoint
UPDATE `vocabulary` SET `dpo_edited` = 1 WHERE `custom` = 1 OR (`kind` || '/' || `code`) IN (SELECT `entity_label` FROM `history` WHERE `entity_type` = 'vocabulary');
