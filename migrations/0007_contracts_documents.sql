CREATE TABLE `contract_activities` (
	`contract_id` integer NOT NULL,
	`activity_id` integer NOT NULL,
	PRIMARY KEY(`contract_id`, `activity_id`),
	FOREIGN KEY (`contract_id`) REFERENCES `processor_contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contract_activities_activity` ON `contract_activities` (`activity_id`);--> statement-breakpoint
CREATE TABLE `document_blobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`data` blob NOT NULL
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`owner_type` text NOT NULL,
	`owner_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`audience` text DEFAULT 'authority' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`added_at` text NOT NULL,
	`added_by` text DEFAULT '' NOT NULL,
	`removed_at` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`sha256`) REFERENCES `document_blobs`(`sha256`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `documents_owner` ON `documents` (`owner_type`,`owner_id`);--> statement-breakpoint
CREATE INDEX `documents_sha256` ON `documents` (`sha256`);--> statement-breakpoint
CREATE TABLE `processor_contracts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`recipient_id` integer NOT NULL,
	`ref` text NOT NULL,
	`ends_on` text DEFAULT '' NOT NULL,
	`review_on` text DEFAULT '' NOT NULL,
	`data_json` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`recipient_id`) REFERENCES `recipients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `processor_contracts_org_ref` ON `processor_contracts` (`organisation_id`,"ref" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `processor_contracts_recipient` ON `processor_contracts` (`recipient_id`);