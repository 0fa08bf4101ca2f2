ALTER TABLE `activities` ADD `purpose_bases_to_check` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `activity_art9_conditions` ADD `purpose` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `activity_legal_bases` ADD `purpose` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written (issue 25): the existing bases and Art. 9 conditions now belong to the main purpose
-- (the column's default, 0); every activity that has any is marked for the DPO to check.
UPDATE `activities` SET `purpose_bases_to_check` = 1 WHERE EXISTS (SELECT 1 FROM `activity_legal_bases` b WHERE b.`activity_id` = `activities`.`id`) OR EXISTS (SELECT 1 FROM `activity_art9_conditions` c WHERE c.`activity_id` = `activities`.`id`);
