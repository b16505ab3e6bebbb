CREATE TABLE `clusters` (
	`run_id` integer NOT NULL,
	`idx` integer NOT NULL,
	`size` integer NOT NULL,
	`revenue_cents` integer NOT NULL,
	`profile` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`name_source` text NOT NULL,
	`name_language` text NOT NULL,
	PRIMARY KEY(`run_id`, `idx`),
	FOREIGN KEY (`run_id`) REFERENCES `segment_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `customer_segments` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`run_id` integer NOT NULL,
	`r` integer,
	`f` integer,
	`m` integer,
	`segment` text NOT NULL,
	`prev_segment` text,
	`cluster` integer,
	`spent_cents` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `customer_segments_segment_idx` ON `customer_segments` (`segment`,`r`,`f`,`m`,`spent_cents`);--> statement-breakpoint
CREATE INDEX `customer_segments_moves_idx` ON `customer_segments` (`prev_segment`,`segment`);--> statement-breakpoint
CREATE INDEX `customer_segments_cluster_idx` ON `customer_segments` (`cluster`);--> statement-breakpoint
CREATE TABLE `product_days` (
	`day` text NOT NULL,
	`item` text NOT NULL,
	`product_id` integer,
	`product_name` text NOT NULL,
	`revenue_cents` integer NOT NULL,
	`quantity` integer NOT NULL,
	PRIMARY KEY(`day`, `item`)
);
--> statement-breakpoint
CREATE INDEX `product_days_cover_idx` ON `product_days` (`day`,`item`,`product_id`,`product_name`,`revenue_cents`,`quantity`);--> statement-breakpoint
CREATE TABLE `sales_days` (
	`day` text PRIMARY KEY NOT NULL,
	`revenue_cents` integer NOT NULL,
	`orders` integer NOT NULL,
	`unconverted` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `segment_runs` (
	`id` integer PRIMARY KEY NOT NULL,
	`as_of` integer NOT NULL,
	`as_of_pinned` integer DEFAULT false NOT NULL,
	`computed_at` integer NOT NULL,
	`customers` integer NOT NULL,
	`with_orders` integer NOT NULL,
	`orders` integer NOT NULL,
	`thresholds` text NOT NULL,
	`model` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `smart_lists` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`filter` text NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `smart_lists_name_uq` ON `smart_lists` (`name`);--> statement-breakpoint
DROP INDEX `sentiment_aspects_aspect_idx`;--> statement-breakpoint
CREATE INDEX `sentiment_aspects_aspect_idx` ON `sentiment_aspects` (`aspect`,`polarity`,`sentiment_id`);--> statement-breakpoint
CREATE INDEX `customers_first_order_idx` ON `customers` (`first_order_at`);--> statement-breakpoint
CREATE INDEX `feedback_time_scores_idx` ON `feedback` (`occurred_at`,`nps`,`rating`);--> statement-breakpoint
CREATE INDEX `sentiments_time_label_idx` ON `sentiments` (`occurred_at`,`label`,`source`,`customer_id`,`interaction_id`,`feedback_id`);