CREATE TABLE `customer_predictions` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`run_id` integer NOT NULL,
	`purchases` integer NOT NULL,
	`p_alive` real NOT NULL,
	`expected_purchases` real NOT NULL,
	`expected_order_cents` integer,
	`clv_cents` integer NOT NULL,
	`churn_risk` real NOT NULL,
	`reasons` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `customer_predictions_churn_idx` ON `customer_predictions` (`churn_risk`);--> statement-breakpoint
CREATE INDEX `customer_predictions_clv_idx` ON `customer_predictions` (`clv_cents`);--> statement-breakpoint
CREATE TABLE `prediction_runs` (
	`id` integer PRIMARY KEY NOT NULL,
	`as_of` integer NOT NULL,
	`computed_at` integer NOT NULL,
	`customers` integer NOT NULL,
	`orders` integer NOT NULL,
	`first_day` text,
	`last_day` text,
	`horizon_months` integer NOT NULL,
	`discount_rate` real NOT NULL,
	`model` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `product_rules` (
	`id` integer PRIMARY KEY NOT NULL,
	`run_id` integer NOT NULL,
	`antecedent` text NOT NULL,
	`lhs_item` text,
	`consequent` text NOT NULL,
	`consequent_name` text NOT NULL,
	`support` real NOT NULL,
	`confidence` real NOT NULL,
	`lift` real NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `product_rules_lhs_idx` ON `product_rules` (`lhs_item`,`lift`);