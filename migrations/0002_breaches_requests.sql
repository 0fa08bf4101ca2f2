CREATE TABLE `breach_activities` (
	`breach_id` integer NOT NULL,
	`activity_id` integer NOT NULL,
	PRIMARY KEY(`breach_id`, `activity_id`),
	FOREIGN KEY (`breach_id`) REFERENCES `breaches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `breach_activities_activity` ON `breach_activities` (`activity_id`);--> statement-breakpoint
CREATE TABLE `breaches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`ref` text NOT NULL,
	`title` text NOT NULL,
	`status` text NOT NULL,
	`risk_level` text NOT NULL,
	`discovered_at` text NOT NULL,
	`notified_at` text DEFAULT '' NOT NULL,
	`data_json` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `breaches_org_ref` ON `breaches` (`organisation_id`,"ref" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `record_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `request_activities` (
	`request_id` integer NOT NULL,
	`activity_id` integer NOT NULL,
	PRIMARY KEY(`request_id`, `activity_id`),
	FOREIGN KEY (`request_id`) REFERENCES `subject_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `request_activities_activity` ON `request_activities` (`activity_id`);--> statement-breakpoint
CREATE TABLE `subject_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`ref` text NOT NULL,
	`right` text NOT NULL,
	`status` text NOT NULL,
	`received_on` text NOT NULL,
	`answered_on` text DEFAULT '' NOT NULL,
	`requester` text DEFAULT '' NOT NULL,
	`requester_erased_at` text DEFAULT '' NOT NULL,
	`data_json` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subject_requests_org_ref` ON `subject_requests` (`organisation_id`,"ref" COLLATE NOCASE);