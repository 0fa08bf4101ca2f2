-- Models of activities (issue 24): newer catalogues loaded by the DPO, the DPO's own models, and which model each activity came from.
CREATE TABLE `activity_model_links` (
	`activity_id` integer PRIMARY KEY NOT NULL,
	`model_id` text NOT NULL,
	`model_version` text NOT NULL,
	`lang` text NOT NULL,
	`model_json` text NOT NULL,
	`linked_at` text NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_model_links_model` ON `activity_model_links` (`model_id`);--> statement-breakpoint
CREATE TABLE `dpo_models` (
	`id` text PRIMARY KEY NOT NULL,
	`data_json` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `model_catalogues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`as_of` text NOT NULL,
	`sha256` text DEFAULT '' NOT NULL,
	`source_file` text DEFAULT '' NOT NULL,
	`applied_at` text NOT NULL,
	`data_json` text NOT NULL
);
