CREATE TABLE `campaign_messages` (
	`id` integer PRIMARY KEY NOT NULL,
	`campaign_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`position` integer NOT NULL,
	`language` text NOT NULL,
	`channel` text NOT NULL,
	`body` text,
	`made_by` text,
	`checks` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`interaction_id` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_messages_campaign_customer_uq` ON `campaign_messages` (`campaign_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `campaign_messages_campaign_pos_idx` ON `campaign_messages` (`campaign_id`,`position`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`purpose` text NOT NULL,
	`target` text NOT NULL,
	`brief` text DEFAULT '' NOT NULL,
	`tone` text NOT NULL,
	`job_id` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `interactions` ADD `handled_at` integer;--> statement-breakpoint
ALTER TABLE `interactions` ADD `reply_to_id` integer REFERENCES interactions(id) ON DELETE set null;--> statement-breakpoint
CREATE INDEX `interactions_open_idx` ON `interactions` (`direction`,`handled`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `interactions_handled_at_idx` ON `interactions` (`direction`,`handled_at`);--> statement-breakpoint
CREATE INDEX `interactions_reply_to_idx` ON `interactions` (`reply_to_id`);--> statement-breakpoint
-- Messages handled before this version: their response time is taken as the first message the shop
-- sent the customer after it, within 14 days; without one it stays unknown (not counted).
UPDATE `interactions` SET `handled_at` = (
  SELECT min(o.`occurred_at`) FROM `interactions` o
  WHERE o.`customer_id` = `interactions`.`customer_id` AND o.`direction` = 'outbound'
    AND o.`occurred_at` > `interactions`.`occurred_at` AND o.`occurred_at` <= `interactions`.`occurred_at` + 14 * 86400000
) WHERE `direction` = 'inbound' AND `handled` = 1;