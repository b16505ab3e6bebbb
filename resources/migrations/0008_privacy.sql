CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`profile_id` integer,
	`profile_name` text,
	`action` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` integer,
	`customer_id` integer,
	`changes` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_customer_idx` ON `audit_log` (`customer_id`);--> statement-breakpoint
CREATE INDEX `audit_log_record_idx` ON `audit_log` (`record_type`,`record_id`);--> statement-breakpoint
CREATE TABLE `profiles` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `profiles_name_uq` ON `profiles` (`name`);--> statement-breakpoint
ALTER TABLE `customers` ADD `erased_at` integer;
--> statement-breakpoint
-- The audit log (core/privacy/audit-log.ts registers the patron_* functions these call): one row per
-- change to the data people enter, written by the change itself so it commits or rolls back with it.
-- Derived columns (sort_key, email_norm, phone_norm, the order metrics, updated_at, handled_at) are
-- left out, so the app keeping them current records nothing. order_items are not watched: they are
-- written only with their order, whose entry stands for them. Settings: only those a person sets.
CREATE TRIGGER `audit_customers_ai` AFTER INSERT ON `customers` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'create', 'customer', NEW.id, NEW.id, patron_diff(NULL, json_object('name', NEW.name, 'company_id', NEW.company_id, 'email', NEW.email, 'phone', NEW.phone, 'city', NEW.city, 'country', NEW.country, 'language', NEW.language, 'consent_email', NEW.consent_email, 'consent_sms', NEW.consent_sms, 'consent_wechat', NEW.consent_wechat, 'source', NEW.source, 'erased_at', NEW.erased_at)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_customers_au` AFTER UPDATE ON `customers` WHEN (OLD.name IS NOT NEW.name OR OLD.company_id IS NOT NEW.company_id OR OLD.email IS NOT NEW.email OR OLD.phone IS NOT NEW.phone OR OLD.city IS NOT NEW.city OR OLD.country IS NOT NEW.country OR OLD.language IS NOT NEW.language OR OLD.consent_email IS NOT NEW.consent_email OR OLD.consent_sms IS NOT NEW.consent_sms OR OLD.consent_wechat IS NOT NEW.consent_wechat OR OLD.source IS NOT NEW.source OR OLD.erased_at IS NOT NEW.erased_at) AND patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'update', 'customer', NEW.id, NEW.id, patron_diff(json_object('name', OLD.name, 'company_id', OLD.company_id, 'email', OLD.email, 'phone', OLD.phone, 'city', OLD.city, 'country', OLD.country, 'language', OLD.language, 'consent_email', OLD.consent_email, 'consent_sms', OLD.consent_sms, 'consent_wechat', OLD.consent_wechat, 'source', OLD.source, 'erased_at', OLD.erased_at), json_object('name', NEW.name, 'company_id', NEW.company_id, 'email', NEW.email, 'phone', NEW.phone, 'city', NEW.city, 'country', NEW.country, 'language', NEW.language, 'consent_email', NEW.consent_email, 'consent_sms', NEW.consent_sms, 'consent_wechat', NEW.consent_wechat, 'source', NEW.source, 'erased_at', NEW.erased_at)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_customers_ad` AFTER DELETE ON `customers` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'delete', 'customer', OLD.id, OLD.id, patron_diff(json_object('name', OLD.name, 'company_id', OLD.company_id, 'email', OLD.email, 'phone', OLD.phone, 'city', OLD.city, 'country', OLD.country, 'language', OLD.language, 'consent_email', OLD.consent_email, 'consent_sms', OLD.consent_sms, 'consent_wechat', OLD.consent_wechat, 'source', OLD.source, 'erased_at', OLD.erased_at), NULL));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_companies_ai` AFTER INSERT ON `companies` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'create', 'company', NEW.id, NULL, patron_diff(NULL, json_object('name', NEW.name, 'website', NEW.website)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_companies_au` AFTER UPDATE ON `companies` WHEN (OLD.name IS NOT NEW.name OR OLD.website IS NOT NEW.website) AND patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'update', 'company', NEW.id, NULL, patron_diff(json_object('name', OLD.name, 'website', OLD.website), json_object('name', NEW.name, 'website', NEW.website)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_companies_ad` AFTER DELETE ON `companies` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'delete', 'company', OLD.id, NULL, patron_diff(json_object('name', OLD.name, 'website', OLD.website), NULL));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_orders_ai` AFTER INSERT ON `orders` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'create', 'order', NEW.id, NEW.customer_id, patron_diff(NULL, json_object('customer_id', NEW.customer_id, 'order_no', NEW.order_no, 'ordered_at', NEW.ordered_at, 'status', NEW.status, 'channel', NEW.channel, 'total_cents', NEW.total_cents, 'currency', NEW.currency)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_orders_au` AFTER UPDATE ON `orders` WHEN (OLD.customer_id IS NOT NEW.customer_id OR OLD.order_no IS NOT NEW.order_no OR OLD.ordered_at IS NOT NEW.ordered_at OR OLD.status IS NOT NEW.status OR OLD.channel IS NOT NEW.channel OR OLD.total_cents IS NOT NEW.total_cents OR OLD.currency IS NOT NEW.currency) AND patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'update', 'order', NEW.id, NEW.customer_id, patron_diff(json_object('customer_id', OLD.customer_id, 'order_no', OLD.order_no, 'ordered_at', OLD.ordered_at, 'status', OLD.status, 'channel', OLD.channel, 'total_cents', OLD.total_cents, 'currency', OLD.currency), json_object('customer_id', NEW.customer_id, 'order_no', NEW.order_no, 'ordered_at', NEW.ordered_at, 'status', NEW.status, 'channel', NEW.channel, 'total_cents', NEW.total_cents, 'currency', NEW.currency)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_orders_ad` AFTER DELETE ON `orders` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'delete', 'order', OLD.id, OLD.customer_id, patron_diff(json_object('customer_id', OLD.customer_id, 'order_no', OLD.order_no, 'ordered_at', OLD.ordered_at, 'status', OLD.status, 'channel', OLD.channel, 'total_cents', OLD.total_cents, 'currency', OLD.currency), NULL));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_interactions_ai` AFTER INSERT ON `interactions` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'create', 'interaction', NEW.id, NEW.customer_id, patron_diff(NULL, json_object('customer_id', NEW.customer_id, 'channel', NEW.channel, 'direction', NEW.direction, 'language', NEW.language, 'subject', NEW.subject, 'body', NEW.body, 'occurred_at', NEW.occurred_at, 'handled', NEW.handled, 'reply_to_id', NEW.reply_to_id)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_interactions_au` AFTER UPDATE ON `interactions` WHEN (OLD.customer_id IS NOT NEW.customer_id OR OLD.channel IS NOT NEW.channel OR OLD.direction IS NOT NEW.direction OR OLD.language IS NOT NEW.language OR OLD.subject IS NOT NEW.subject OR OLD.body IS NOT NEW.body OR OLD.occurred_at IS NOT NEW.occurred_at OR OLD.handled IS NOT NEW.handled OR OLD.reply_to_id IS NOT NEW.reply_to_id) AND patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'update', 'interaction', NEW.id, NEW.customer_id, patron_diff(json_object('customer_id', OLD.customer_id, 'channel', OLD.channel, 'direction', OLD.direction, 'language', OLD.language, 'subject', OLD.subject, 'body', OLD.body, 'occurred_at', OLD.occurred_at, 'handled', OLD.handled, 'reply_to_id', OLD.reply_to_id), json_object('customer_id', NEW.customer_id, 'channel', NEW.channel, 'direction', NEW.direction, 'language', NEW.language, 'subject', NEW.subject, 'body', NEW.body, 'occurred_at', NEW.occurred_at, 'handled', NEW.handled, 'reply_to_id', NEW.reply_to_id)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_interactions_ad` AFTER DELETE ON `interactions` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'delete', 'interaction', OLD.id, OLD.customer_id, patron_diff(json_object('customer_id', OLD.customer_id, 'channel', OLD.channel, 'direction', OLD.direction, 'language', OLD.language, 'subject', OLD.subject, 'body', OLD.body, 'occurred_at', OLD.occurred_at, 'handled', OLD.handled, 'reply_to_id', OLD.reply_to_id), NULL));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_feedback_ai` AFTER INSERT ON `feedback` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'create', 'feedback', NEW.id, NEW.customer_id, patron_diff(NULL, json_object('customer_id', NEW.customer_id, 'kind', NEW.kind, 'product_id', NEW.product_id, 'rating', NEW.rating, 'nps', NEW.nps, 'body', NEW.body, 'language', NEW.language, 'occurred_at', NEW.occurred_at)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_feedback_au` AFTER UPDATE ON `feedback` WHEN (OLD.customer_id IS NOT NEW.customer_id OR OLD.kind IS NOT NEW.kind OR OLD.product_id IS NOT NEW.product_id OR OLD.rating IS NOT NEW.rating OR OLD.nps IS NOT NEW.nps OR OLD.body IS NOT NEW.body OR OLD.language IS NOT NEW.language OR OLD.occurred_at IS NOT NEW.occurred_at) AND patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'update', 'feedback', NEW.id, NEW.customer_id, patron_diff(json_object('customer_id', OLD.customer_id, 'kind', OLD.kind, 'product_id', OLD.product_id, 'rating', OLD.rating, 'nps', OLD.nps, 'body', OLD.body, 'language', OLD.language, 'occurred_at', OLD.occurred_at), json_object('customer_id', NEW.customer_id, 'kind', NEW.kind, 'product_id', NEW.product_id, 'rating', NEW.rating, 'nps', NEW.nps, 'body', NEW.body, 'language', NEW.language, 'occurred_at', NEW.occurred_at)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_feedback_ad` AFTER DELETE ON `feedback` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'delete', 'feedback', OLD.id, OLD.customer_id, patron_diff(json_object('customer_id', OLD.customer_id, 'kind', OLD.kind, 'product_id', OLD.product_id, 'rating', OLD.rating, 'nps', OLD.nps, 'body', OLD.body, 'language', OLD.language, 'occurred_at', OLD.occurred_at), NULL));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_notes_ai` AFTER INSERT ON `notes` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'create', 'note', NEW.id, NEW.customer_id, patron_diff(NULL, json_object('customer_id', NEW.customer_id, 'body', NEW.body)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_notes_au` AFTER UPDATE ON `notes` WHEN (OLD.customer_id IS NOT NEW.customer_id OR OLD.body IS NOT NEW.body) AND patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'update', 'note', NEW.id, NEW.customer_id, patron_diff(json_object('customer_id', OLD.customer_id, 'body', OLD.body), json_object('customer_id', NEW.customer_id, 'body', NEW.body)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_notes_ad` AFTER DELETE ON `notes` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'delete', 'note', OLD.id, OLD.customer_id, patron_diff(json_object('customer_id', OLD.customer_id, 'body', OLD.body), NULL));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_tasks_ai` AFTER INSERT ON `tasks` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'create', 'task', NEW.id, NEW.customer_id, patron_diff(NULL, json_object('customer_id', NEW.customer_id, 'title', NEW.title, 'due_at', NEW.due_at, 'done_at', NEW.done_at)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_tasks_au` AFTER UPDATE ON `tasks` WHEN (OLD.customer_id IS NOT NEW.customer_id OR OLD.title IS NOT NEW.title OR OLD.due_at IS NOT NEW.due_at OR OLD.done_at IS NOT NEW.done_at) AND patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'update', 'task', NEW.id, NEW.customer_id, patron_diff(json_object('customer_id', OLD.customer_id, 'title', OLD.title, 'due_at', OLD.due_at, 'done_at', OLD.done_at), json_object('customer_id', NEW.customer_id, 'title', NEW.title, 'due_at', NEW.due_at, 'done_at', NEW.done_at)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_tasks_ad` AFTER DELETE ON `tasks` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'delete', 'task', OLD.id, OLD.customer_id, patron_diff(json_object('customer_id', OLD.customer_id, 'title', OLD.title, 'due_at', OLD.due_at, 'done_at', OLD.done_at), NULL));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_tags_ai` AFTER INSERT ON `tags` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'create', 'tag', NEW.id, NULL, patron_diff(NULL, json_object('name', NEW.name, 'color', NEW.color)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_tags_au` AFTER UPDATE ON `tags` WHEN (OLD.name IS NOT NEW.name OR OLD.color IS NOT NEW.color) AND patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'update', 'tag', NEW.id, NULL, patron_diff(json_object('name', OLD.name, 'color', OLD.color), json_object('name', NEW.name, 'color', NEW.color)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_tags_ad` AFTER DELETE ON `tags` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'delete', 'tag', OLD.id, NULL, patron_diff(json_object('name', OLD.name, 'color', OLD.color), NULL));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_customer_tags_ai` AFTER INSERT ON `customer_tags` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'create', 'customer_tag', NEW.tag_id, NEW.customer_id, patron_diff(NULL, json_object('tag_id', NEW.tag_id, 'tag', (SELECT name FROM tags WHERE id = NEW.tag_id))));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_customer_tags_au` AFTER UPDATE ON `customer_tags` WHEN (OLD.tag_id IS NOT NEW.tag_id) AND patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'update', 'customer_tag', NEW.tag_id, NEW.customer_id, patron_diff(json_object('tag_id', OLD.tag_id, 'tag', (SELECT name FROM tags WHERE id = OLD.tag_id)), json_object('tag_id', NEW.tag_id, 'tag', (SELECT name FROM tags WHERE id = NEW.tag_id))));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_customer_tags_ad` AFTER DELETE ON `customer_tags` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'delete', 'customer_tag', OLD.tag_id, OLD.customer_id, patron_diff(json_object('tag_id', OLD.tag_id, 'tag', (SELECT name FROM tags WHERE id = OLD.tag_id)), NULL));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_smart_lists_ai` AFTER INSERT ON `smart_lists` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'create', 'smart_list', NEW.id, NULL, patron_diff(NULL, json_object('name', NEW.name, 'filter', CASE WHEN json_valid(NEW.filter) THEN json(NEW.filter) ELSE NEW.filter END)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_smart_lists_au` AFTER UPDATE ON `smart_lists` WHEN (OLD.name IS NOT NEW.name OR OLD.filter IS NOT NEW.filter) AND patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'update', 'smart_list', NEW.id, NULL, patron_diff(json_object('name', OLD.name, 'filter', CASE WHEN json_valid(OLD.filter) THEN json(OLD.filter) ELSE OLD.filter END), json_object('name', NEW.name, 'filter', CASE WHEN json_valid(NEW.filter) THEN json(NEW.filter) ELSE NEW.filter END)));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_smart_lists_ad` AFTER DELETE ON `smart_lists` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'delete', 'smart_list', OLD.id, NULL, patron_diff(json_object('name', OLD.name, 'filter', CASE WHEN json_valid(OLD.filter) THEN json(OLD.filter) ELSE OLD.filter END), NULL));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_profiles_ai` AFTER INSERT ON `profiles` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'create', 'profile', NEW.id, NULL, patron_diff(NULL, json_object('name', NEW.name, 'role', NEW.role, 'pin_hash', NEW.pin_hash), 'pin_hash'));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_profiles_au` AFTER UPDATE ON `profiles` WHEN (OLD.name IS NOT NEW.name OR OLD.role IS NOT NEW.role OR OLD.pin_hash IS NOT NEW.pin_hash) AND patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'update', 'profile', NEW.id, NULL, patron_diff(json_object('name', OLD.name, 'role', OLD.role, 'pin_hash', OLD.pin_hash), json_object('name', NEW.name, 'role', NEW.role, 'pin_hash', NEW.pin_hash), 'pin_hash'));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_profiles_ad` AFTER DELETE ON `profiles` WHEN patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'delete', 'profile', OLD.id, NULL, patron_diff(json_object('name', OLD.name, 'role', OLD.role, 'pin_hash', OLD.pin_hash), NULL, 'pin_hash'));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_settings_ai` AFTER INSERT ON `settings` WHEN (NEW.key IN ('preferences', 'shop_currency', 'analysisDate', 'segmentNames', 'predictions', 'shopFacts', 'models.source', 'models.active') OR NEW.key LIKE 'privacy.%') BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`, `detail`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'create', 'setting', NULL, NULL, patron_diff(NULL, json_object(NEW.key, CASE WHEN json_valid(NEW.value) THEN json(NEW.value) ELSE NEW.value END)), json_object('key', NEW.key));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_settings_au` AFTER UPDATE ON `settings` WHEN (NEW.key IN ('preferences', 'shop_currency', 'analysisDate', 'segmentNames', 'predictions', 'shopFacts', 'models.source', 'models.active') OR NEW.key LIKE 'privacy.%') AND OLD.value IS NOT NEW.value AND patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`, `detail`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'update', 'setting', NULL, NULL, patron_diff(json_object(OLD.key, CASE WHEN json_valid(OLD.value) THEN json(OLD.value) ELSE OLD.value END), json_object(NEW.key, CASE WHEN json_valid(NEW.value) THEN json(NEW.value) ELSE NEW.value END)), json_object('key', NEW.key));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_settings_ad` AFTER DELETE ON `settings` WHEN (OLD.key IN ('preferences', 'shop_currency', 'analysisDate', 'segmentNames', 'predictions', 'shopFacts', 'models.source', 'models.active') OR OLD.key LIKE 'privacy.%') AND patron_audit_on() BEGIN
  INSERT INTO `audit_log` (`at`, `profile_id`, `profile_name`, `action`, `record_type`, `record_id`, `customer_id`, `changes`, `detail`)
  VALUES (patron_now(), patron_actor_id(), patron_actor_name(), 'delete', 'setting', NULL, NULL, patron_diff(json_object(OLD.key, CASE WHEN json_valid(OLD.value) THEN json(OLD.value) ELSE OLD.value END), NULL), json_object('key', OLD.key));
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN NOT patron_audit_redacting() OR NEW.changes IS NOT NULL OR NEW.detail IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at
  OR NEW.profile_id IS NOT OLD.profile_id OR NEW.profile_name IS NOT OLD.profile_name OR NEW.action IS NOT OLD.action
  OR NEW.record_type IS NOT OLD.record_type OR NEW.record_id IS NOT OLD.record_id OR NEW.customer_id IS NOT OLD.customer_id BEGIN
  SELECT RAISE(ABORT, 'the audit log cannot be edited');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN
  SELECT RAISE(ABORT, 'the audit log cannot be edited');
END;
