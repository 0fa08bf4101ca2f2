CREATE TABLE `campaign_departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`name` text NOT NULL,
	`token` text NOT NULL,
	`lang` text DEFAULT 'fr' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`file_name` text NOT NULL,
	`sent_json` text NOT NULL,
	`sent_at` text NOT NULL,
	`returned_at` text DEFAULT '' NOT NULL,
	`returned_file` text DEFAULT '' NOT NULL,
	`returned_sha256` text DEFAULT '' NOT NULL,
	`reminded_at` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_departments_token` ON `campaign_departments` (`token`);--> statement-breakpoint
CREATE INDEX `campaign_departments_campaign` ON `campaign_departments` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`ref` text NOT NULL,
	`public_id` text NOT NULL,
	`seal_key` text NOT NULL,
	`group_by` text DEFAULT 'department' NOT NULL,
	`due_on` text NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`closed_at` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_public_id` ON `campaigns` (`public_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_org_ref` ON `campaigns` (`organisation_id`,`ref`);