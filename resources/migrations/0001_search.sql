-- Full-text search. Contentless FTS5 tables: the text is prepared in code (search/fts-text.ts
-- splits CJK characters into single tokens and adds phone-number suffixes), so the indexed
-- text differs from the stored columns. rowid is the customer or interaction id.
CREATE VIRTUAL TABLE `customers_fts` USING fts5(
  name, company, email, phone, city, tags,
  content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- digits: suffixes of long numbers (order and tracking numbers) so "0013" finds S-2024100013.
CREATE VIRTUAL TABLE `interactions_fts` USING fts5(
  subject, body, digits,
  content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- Deletes (including ON DELETE CASCADE from customers) need no code, so triggers keep them.
CREATE TRIGGER `customers_fts_ad` AFTER DELETE ON `customers` BEGIN
  DELETE FROM `customers_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `interactions_fts_ad` AFTER DELETE ON `interactions` BEGIN
  DELETE FROM `interactions_fts` WHERE rowid = old.id;
END;
