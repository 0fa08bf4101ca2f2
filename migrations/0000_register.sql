CREATE TABLE `activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`ref` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`status` text NOT NULL,
	`department` text DEFAULT '' NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`purpose` text NOT NULL,
	`criminal_data_basis` text DEFAULT '' NOT NULL,
	`security_notes` text DEFAULT '' NOT NULL,
	`dpia_json` text NOT NULL,
	`automated_decision_json` text NOT NULL,
	`rights` text DEFAULT '' NOT NULL,
	`consent_records` text DEFAULT '' NOT NULL,
	`breaches` text DEFAULT '' NOT NULL,
	`last_reviewed_at` text DEFAULT '' NOT NULL,
	`legal_basis_codes` text DEFAULT '' NOT NULL,
	`special_categories` integer DEFAULT false NOT NULL,
	`non_eea_transfer` integer DEFAULT false NOT NULL,
	`transfer_countries` text DEFAULT '' NOT NULL,
	`dpia_required` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activities_org_ref` ON `activities` (`organisation_id`,"ref" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `activities_org_role` ON `activities` (`organisation_id`,`role`);--> statement-breakpoint
CREATE TABLE `activity_art9_conditions` (
	`activity_id` integer NOT NULL,
	`position` integer NOT NULL,
	`code` text NOT NULL,
	`justification` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`activity_id`, `position`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `activity_clients` (
	`activity_id` integer NOT NULL,
	`position` integer NOT NULL,
	`data_json` text NOT NULL,
	PRIMARY KEY(`activity_id`, `position`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `activity_data_categories` (
	`activity_id` integer NOT NULL,
	`position` integer NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`label` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`special` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`activity_id`, `position`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `activity_data_sources` (
	`activity_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`activity_id`, `position`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `activity_data_subjects` (
	`activity_id` integer NOT NULL,
	`position` integer NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`label` text NOT NULL,
	`precision` text DEFAULT '' NOT NULL,
	`volume` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`activity_id`, `position`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `activity_joint_controllers` (
	`activity_id` integer NOT NULL,
	`position` integer NOT NULL,
	`data_json` text NOT NULL,
	PRIMARY KEY(`activity_id`, `position`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `activity_legal_bases` (
	`activity_id` integer NOT NULL,
	`position` integer NOT NULL,
	`code` text NOT NULL,
	`justification` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`activity_id`, `position`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_legal_bases_code` ON `activity_legal_bases` (`code`);--> statement-breakpoint
CREATE TABLE `activity_recipients` (
	`activity_id` integer NOT NULL,
	`position` integer NOT NULL,
	`recipient_id` integer NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`precision` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`activity_id`, `position`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recipient_id`) REFERENCES `recipients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `activity_recipients_recipient` ON `activity_recipients` (`recipient_id`);--> statement-breakpoint
CREATE TABLE `activity_retention_rules` (
	`activity_id` integer NOT NULL,
	`position` integer NOT NULL,
	`data_category` text DEFAULT '' NOT NULL,
	`text` text NOT NULL,
	`duration` text DEFAULT '' NOT NULL,
	`trigger` text DEFAULT '' NOT NULL,
	`active_period` text DEFAULT '' NOT NULL,
	`archive_period` text DEFAULT '' NOT NULL,
	`final_fate` text,
	PRIMARY KEY(`activity_id`, `position`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `activity_search` (
	`activity_id` integer PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `activity_security_measures` (
	`activity_id` integer NOT NULL,
	`position` integer NOT NULL,
	`type` text NOT NULL,
	`precision` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`activity_id`, `position`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `activity_sub_purposes` (
	`activity_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`activity_id`, `position`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `activity_systems` (
	`activity_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`hosting` text DEFAULT '' NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`activity_id`, `position`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `activity_transfers` (
	`activity_id` integer NOT NULL,
	`position` integer NOT NULL,
	`recipient` text NOT NULL,
	`country` text NOT NULL,
	`safeguard` text,
	`derogation` text,
	`documentation` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`activity_id`, `position`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`country`) REFERENCES `countries`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activity_transfers_country` ON `activity_transfers` (`country`);--> statement-breakpoint
CREATE TABLE `countries` (
	`code` text PRIMARY KEY NOT NULL,
	`name_fr` text NOT NULL,
	`name_en` text NOT NULL,
	`eea` integer DEFAULT false NOT NULL,
	`adequacy` text DEFAULT 'none' NOT NULL,
	`adequacy_decision_date` text DEFAULT '' NOT NULL,
	`adequacy_scope_fr` text DEFAULT '' NOT NULL,
	`adequacy_scope_en` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer,
	`entity_label` text DEFAULT '' NOT NULL,
	`organisation_id` integer,
	`action` text NOT NULL,
	`changes_json` text NOT NULL,
	`source` text NOT NULL,
	`source_file` text DEFAULT '' NOT NULL,
	`source_sha256` text DEFAULT '' NOT NULL,
	`batch_id` integer,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `history_entity` ON `history` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `history_batch` ON `history` (`batch_id`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`undo_json` text DEFAULT '{}' NOT NULL,
	`undone_at` text
);
--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`legal_form` text DEFAULT '' NOT NULL,
	`registration_number` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`postal_code` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`head_json` text,
	`representative_json` text,
	`dpo_json` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `recipients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`type` text NOT NULL,
	`countries_json` text DEFAULT '[]' NOT NULL,
	`contract_ref` text DEFAULT '' NOT NULL,
	`contract_date` text DEFAULT '' NOT NULL,
	`dpf_certified` integer DEFAULT false NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recipients_name_key` ON `recipients` (`name_key`);--> statement-breakpoint
CREATE TABLE `saved_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`headers_key` text NOT NULL,
	`mapping_json` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_mappings_name` ON `saved_mappings` (`name`);--> statement-breakpoint
CREATE INDEX `saved_mappings_headers` ON `saved_mappings` (`headers_key`);--> statement-breakpoint
CREATE TABLE `vocabulary` (
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`label_fr` text NOT NULL,
	`label_en` text NOT NULL,
	`article` text DEFAULT '' NOT NULL,
	`legacy` integer DEFAULT false NOT NULL,
	`special` integer DEFAULT false NOT NULL,
	`custom` integer DEFAULT false NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`kind`, `code`)
);
