-- createTable with every type, default, key, unique, check and comment
CREATE TABLE `every_type` (`id` BIGINT NOT NULL AUTO_INCREMENT, `small` SMALLINT NOT NULL DEFAULT 7, `whole` INT NULL, `name` VARCHAR(255) NOT NULL DEFAULT 'it''s' COMMENT 'display name', `body` LONGTEXT NULL, `active` BOOLEAN NOT NULL DEFAULT 1, `born` DATE NULL, `seen` DATETIME(6) NULL, `created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `price` DECIMAL(10, 2) NULL DEFAULT 0.00, `ratio` FLOAT NULL, `score` DOUBLE NULL, `token` CHAR(36) NOT NULL DEFAULT (UUID()), `profile` JSON NULL, `picture` LONGBLOB NULL, `lowered` LONGTEXT NULL DEFAULT (lower('ABC')), PRIMARY KEY (`id`), CONSTRAINT `uq_every_type_name_born` UNIQUE (`name`, `born`), CONSTRAINT `ck_every_type_af015c3e` CHECK (price >= 0)) COMMENT='all the types';

-- createTable IF NOT EXISTS
CREATE TABLE IF NOT EXISTS `maybe` (`id` INT NOT NULL, PRIMARY KEY (`id`));

-- createTable with an enum column
CREATE TABLE `diary` (`id` INT NOT NULL, `mood` ENUM('happy', 'sad') NOT NULL DEFAULT 'happy', PRIMARY KEY (`id`));

-- dropTable with its definition
DROP TABLE `lonely`;

-- dropTable IF EXISTS of a missing table
DROP TABLE IF EXISTS `nowhere`;

-- renameTable
RENAME TABLE `child` TO `kid`;

-- setTableComment
ALTER TABLE `child` COMMENT = 'the children';

-- addColumn nullable
ALTER TABLE `child` ADD COLUMN `last_read_at` DATETIME(6) NULL;

-- addColumn NOT NULL with a literal default
ALTER TABLE `child` ADD COLUMN `status` VARCHAR(10) NOT NULL DEFAULT 'new';

-- addColumn with a CURRENT_TIMESTAMP default (a rebuild on SQLite)
ALTER TABLE `child` ADD COLUMN `created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);

-- addColumn with a foreign key
ALTER TABLE `child` ADD COLUMN `backup_id` BIGINT NULL, ADD INDEX `fk_child_backup_id_parent` (`backup_id`), ADD CONSTRAINT `fk_child_backup_id_parent` FOREIGN KEY (`backup_id`) REFERENCES `parent` (`id`) ON DELETE SET NULL;

-- addColumn UNIQUE (a rebuild on SQLite)
ALTER TABLE `child` ADD COLUMN `serial` VARCHAR(40) NULL, ADD CONSTRAINT `uq_child_serial` UNIQUE (`serial`);

-- addColumn with a comment
ALTER TABLE `child` ADD COLUMN `remark` LONGTEXT NULL COMMENT 'free text';

-- addColumn of an enum type
ALTER TABLE `child` ADD COLUMN `mood` ENUM('happy', 'sad') NULL;

-- dropColumn with its definition
-- ALTER TABLE `child` DROP COLUMN `note`, with its foreign keys, indexes and checks (worked out on the database); offline: ALTER TABLE `child` DROP COLUMN `note`

-- dropColumn of an indexed column (a rebuild on SQLite)
-- ALTER TABLE `child` DROP COLUMN `code`, with its foreign keys, indexes and checks (worked out on the database); offline: ALTER TABLE `child` DROP COLUMN `code`

-- renameColumn
ALTER TABLE `child` RENAME COLUMN `note` TO `remark`;

-- alterColumn type
-- MODIFY COLUMN child.amount, restated from the catalog (worked out on the database); offline: refused

-- alterColumn type with USING
-- MODIFY COLUMN child.digits, restated from the catalog (worked out on the database); offline: refused

-- alterColumn NOT NULL
-- MODIFY COLUMN child.note, restated from the catalog (worked out on the database); offline: refused

-- alterColumn server default set and dropped
ALTER TABLE `child` ALTER COLUMN `code` SET DEFAULT 'none';
ALTER TABLE `child` ALTER COLUMN `amount` DROP DEFAULT;

-- alterColumn comment
-- MODIFY COLUMN child.note, restated from the catalog (worked out on the database); offline: refused

-- add a column, fill it, make it NOT NULL (the seeds' data transform)
ALTER TABLE `child` ADD COLUMN `label` VARCHAR(120) NULL;
UPDATE child SET label = CONCAT('child ', id);
-- MODIFY COLUMN child.label, restated from the catalog (worked out on the database); offline: refused

-- createIndex unique on two columns
CREATE UNIQUE INDEX `ux_child_parent_code` ON `child` (`parent_id`, `code`);

-- createIndex descending, named by the convention
CREATE INDEX `ix_child_parent_id` ON `child` (`parent_id`, `amount` DESC);

-- createIndex IF NOT EXISTS of an index that exists
CREATE INDEX IF NOT EXISTS `ix_child_code` ON `child` (`code`);

-- createIndex CONCURRENTLY
CREATE INDEX `ix_child_note` ON `child` (`note`) LOCK=NONE;

-- dropIndex with its definition
-- DROP INDEX ix_child_code ON child, keeping its foreign keys' indexes (worked out on the database); offline: ALTER TABLE `child` DROP INDEX `ix_child_code`

-- dropIndex IF EXISTS of a missing index
-- DROP INDEX ix_nowhere ON child, keeping its foreign keys' indexes (worked out on the database); offline: ALTER TABLE `child` DROP INDEX IF EXISTS `ix_nowhere`

-- addConstraint primary key
ALTER TABLE `loose` ADD PRIMARY KEY (`a`, `b`);

-- addConstraint unique
ALTER TABLE `child` ADD CONSTRAINT `uq_child_parent_id_code` UNIQUE (`parent_id`, `code`);

-- addConstraint check
ALTER TABLE `child` ADD CONSTRAINT `ck_child_amount` CHECK (amount >= 0);

-- addConstraint foreign key with actions
ALTER TABLE `child` ADD INDEX `fk_child_backup_id_parent` (`backup_id`), ADD CONSTRAINT `fk_child_backup_id_parent` FOREIGN KEY (`backup_id`) REFERENCES `parent` (`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- dropConstraint by the convention's name, with its definition
-- DROP INDEX uq_child_code ON child, keeping its foreign keys' indexes (worked out on the database); offline: ALTER TABLE `child` DROP INDEX `uq_child_code`

-- dropConstraint of a check by name, with its definition
ALTER TABLE `child` DROP CONSTRAINT `ck_child_amount`;

-- dropConstraint of a column's foreign key
-- DROP CONSTRAINT on child fk_child_parent_id_parent (worked out on the database); offline: ALTER TABLE `child` DROP FOREIGN KEY `fk_child_parent_id_parent`, DROP INDEX `fk_child_parent_id_parent`

-- drop and add a primary key
ALTER TABLE `keyed` DROP PRIMARY KEY;
ALTER TABLE `keyed` ADD PRIMARY KEY (`a`, `b`);

-- createEnum

-- dropEnum with its values

-- createView
CREATE VIEW `child_names` AS SELECT c.id, p.name FROM child c JOIN parent p ON p.id = c.parent_id;

-- replaceView with its previous query
CREATE OR REPLACE VIEW `v` AS SELECT id FROM child WHERE amount > 15;

-- dropView with its query
DROP VIEW `v`;

-- execute with a statement per dialect
UPDATE child SET note = 'mysql';

-- execute for one dialect only

-- bulkInsert with typed values
INSERT INTO `typed` (`id`, `flag`, `born`, `at`, `price`, `token`, `doc`, `raw`, `txt`) VALUES (1, 1, '2024-02-29', '2024-02-29 12:30:00.000000', 12.50, '0b8f6a52-8a9c-4a43-b1c7-1a7f3a3c1e11', '{"a": [1, 2]}', X'0001ff', 'it''s "quoted"'), (2, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL);

-- run: Java that reads before it writes
-- run("number the notes"): Java, run online only

-- batchAlterTable: several changes to one table
ALTER TABLE `child` RENAME COLUMN `note` TO `remark`;
ALTER TABLE `child` ADD COLUMN `flag` BOOLEAN NOT NULL DEFAULT 0;
-- MODIFY COLUMN child.amount, restated from the catalog (worked out on the database); offline: refused
ALTER TABLE `child` ADD CONSTRAINT `ck_child_d539d18f` CHECK (amount >= 0);
CREATE INDEX `ix_child_flag` ON `child` (`flag`);

-- batchAlterTable recreate ALWAYS
ALTER TABLE `child` ADD COLUMN `extra` LONGTEXT NULL;

-- database naming: createTable leaves key, unique, foreign key and check unnamed
CREATE TABLE `award` (`id` INT NOT NULL AUTO_INCREMENT, `team_id` BIGINT NULL, `code` VARCHAR(10) NULL, `points` INT NOT NULL, PRIMARY KEY (`id`), UNIQUE (`code`), CHECK (points >= 0), FOREIGN KEY (`team_id`) REFERENCES `parent` (`id`));

-- database naming: dropConstraint by definition finds what the database named
-- DROP CONSTRAINT on child, found by its columns (worked out on the database); offline: refused
-- DROP CONSTRAINT on child, found by its columns (worked out on the database); offline: refused
-- DROP CONSTRAINT on child, found by its columns (worked out on the database); offline: refused

-- database naming: rename a table, re-create it and copy the rows back
RENAME TABLE `child` TO `child_old`;
CREATE TABLE `child` (`id` BIGINT NOT NULL, `parent_id` BIGINT NOT NULL, `note` LONGTEXT NULL, PRIMARY KEY (`id`), FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`));
INSERT INTO child (id, parent_id, note) SELECT id, parent_id, note FROM child_old;
DROP TABLE `child_old`;

-- serial key: createTable
CREATE TABLE `ticket` (`id` INT NOT NULL AUTO_INCREMENT, `title` LONGTEXT NULL, PRIMARY KEY (`id`));

-- serial key: change its type
-- MODIFY COLUMN ticket.id, restated from the catalog (worked out on the database); offline: refused

-- types: varchar without length, json and jsonb, types by name, a non-native enum
CREATE TABLE `doc` (`id` INT NOT NULL, `slug` LONGTEXT NULL, `meta` JSON NULL, `data` JSON NULL, `search` LONGTEXT NULL, `address` VARCHAR(45) NULL, `status` VARCHAR(9) NOT NULL DEFAULT 'draft', `written` DATETIME(6) NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (`id`), CONSTRAINT `ck_doc_doc_status` CHECK (`status` IN ('draft', 'published')));

-- types: the same, named by the database
CREATE TABLE `doc` (`id` INT NOT NULL, `status` VARCHAR(9) NULL, PRIMARY KEY (`id`), CONSTRAINT `doc_status` CHECK (`status` IN ('draft', 'published')));

-- types: alterColumn to a non-native enum
-- MODIFY COLUMN child.code, restated from the catalog (worked out on the database); offline: refused
ALTER TABLE `child` ADD CONSTRAINT `ck_child_code_kind` CHECK (`code` IN ('x1', 'x2', 'x3'));

-- database naming: an unnamed check dropped by definition is that one, not a look-alike
-- DROP CONSTRAINT on priced, found by its columns (worked out on the database); offline: refused

-- only: ops for one dialect

-- batchAlterTable with execute
UPDATE child SET note = 'batched' WHERE note IS NULL;
ALTER TABLE `child` ADD COLUMN `extra` LONGTEXT NULL, ADD CONSTRAINT `uq_child_extra` UNIQUE (`extra`);

-- dropIndex by its name alone
-- DROP INDEX ix_child_code, its table looked up (worked out on the database); offline: refused

