CREATE TABLE `sentiment_aspects` (
	`sentiment_id` integer NOT NULL,
	`aspect` text NOT NULL,
	`polarity` text NOT NULL,
	`score` real NOT NULL,
	FOREIGN KEY (`sentiment_id`) REFERENCES `sentiments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sentiment_aspects_aspect_idx` ON `sentiment_aspects` (`aspect`,`polarity`);--> statement-breakpoint
CREATE INDEX `sentiment_aspects_sentiment_idx` ON `sentiment_aspects` (`sentiment_id`);--> statement-breakpoint
CREATE TABLE `sentiments` (
	`id` integer PRIMARY KEY NOT NULL,
	`interaction_id` integer,
	`feedback_id` integer,
	`customer_id` integer NOT NULL,
	`source` text NOT NULL,
	`label` text NOT NULL,
	`score` real NOT NULL,
	`aspects` text NOT NULL,
	`words` text NOT NULL,
	`reason` text,
	`version` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`analyzed_at` integer NOT NULL,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`feedback_id`) REFERENCES `feedback`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sentiments_interaction_source_uq` ON `sentiments` (`interaction_id`,`source`);--> statement-breakpoint
CREATE UNIQUE INDEX `sentiments_feedback_source_uq` ON `sentiments` (`feedback_id`,`source`);--> statement-breakpoint
CREATE INDEX `sentiments_customer_time_idx` ON `sentiments` (`customer_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `sentiments_time_idx` ON `sentiments` (`occurred_at`);