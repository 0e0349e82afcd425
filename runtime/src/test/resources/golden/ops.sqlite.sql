-- createTable with every type, default, key, unique, check and comment
CREATE TABLE "every_type" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "small" SMALLINT NOT NULL DEFAULT 7, "whole" INTEGER, "name" VARCHAR(255) NOT NULL DEFAULT 'it''s', "body" TEXT, "active" BOOLEAN NOT NULL DEFAULT 1, "born" DATE, "seen" DATETIME, "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "price" NUMERIC(10, 2) DEFAULT 0.00, "ratio" REAL, "score" DOUBLE, "token" TEXT NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))), "profile" JSON, "picture" BLOB, "lowered" TEXT DEFAULT (lower('ABC')), CONSTRAINT "uq_every_type_name_born" UNIQUE ("name", "born"), CONSTRAINT "ck_every_type_af015c3e" CHECK (price >= 0));

-- createTable with composite key and foreign keys with actions
CREATE TABLE "membership" ("parent_id" BIGINT NOT NULL, "child_id" BIGINT NOT NULL, "backup_id" BIGINT, "later_id" BIGINT, CONSTRAINT "pk_membership" PRIMARY KEY ("parent_id", "child_id"), CONSTRAINT "fk_membership_child_id_child" FOREIGN KEY ("child_id") REFERENCES "child" ("id") ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE, CONSTRAINT "fk_membership_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE, CONSTRAINT "fk_membership_backup_id_parent" FOREIGN KEY ("backup_id") REFERENCES "parent" ("id") ON DELETE SET NULL ON UPDATE CASCADE, CONSTRAINT "fk_membership_later_id_parent" FOREIGN KEY ("later_id") REFERENCES "parent" ("id") DEFERRABLE INITIALLY DEFERRED);

-- createTable IF NOT EXISTS
CREATE TABLE IF NOT EXISTS "maybe" ("id" INTEGER NOT NULL, CONSTRAINT "pk_maybe" PRIMARY KEY ("id"));

-- createTable with an enum column
CREATE TABLE "diary" ("id" INTEGER NOT NULL, "mood" TEXT NOT NULL DEFAULT 'happy', CONSTRAINT "pk_diary" PRIMARY KEY ("id"), CONSTRAINT "ck_diary_e46f3108" CHECK ("mood" IN ('happy', 'sad')));

-- dropTable with its definition
DROP TABLE "lonely";

-- dropTable IF EXISTS of a missing table
DROP TABLE IF EXISTS "nowhere";

-- renameTable
ALTER TABLE "child" RENAME TO "kid";

-- setTableComment

-- addColumn nullable
ALTER TABLE "child" ADD COLUMN "last_read_at" DATETIME;

-- addColumn NOT NULL with a literal default
ALTER TABLE "child" ADD COLUMN "status" VARCHAR(10) NOT NULL DEFAULT 'new';

-- addColumn with a CURRENT_TIMESTAMP default (a rebuild on SQLite)
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER DEFAULT 0, "code" VARCHAR(20), "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE);
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code") SELECT "id", "parent_id", "note", "amount", "code" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- addColumn with a foreign key
ALTER TABLE "child" ADD COLUMN "backup_id" BIGINT CONSTRAINT "fk_child_backup_id_parent" REFERENCES "parent" ("id") ON DELETE SET NULL;

-- addColumn UNIQUE (a rebuild on SQLite)
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER DEFAULT 0, "code" VARCHAR(20), "serial" VARCHAR(40), CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE, CONSTRAINT "uq_child_serial" UNIQUE ("serial"));
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code") SELECT "id", "parent_id", "note", "amount", "code" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- addColumn with a comment
ALTER TABLE "child" ADD COLUMN "remark" TEXT;

-- addColumn of an enum type
ALTER TABLE "child" ADD COLUMN "mood" TEXT CONSTRAINT "ck_child_e46f3108" CHECK ("mood" IN ('happy', 'sad'));

-- dropColumn with its definition
ALTER TABLE "child" DROP COLUMN "note";

-- dropColumn of an indexed column (a rebuild on SQLite)
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER DEFAULT 0, CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE);
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount") SELECT "id", "parent_id", "note", "amount" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- renameColumn
ALTER TABLE "child" RENAME COLUMN "note" TO "remark";

-- alterColumn type
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" BIGINT DEFAULT 0, "code" VARCHAR(20), CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE);
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code") SELECT "id", "parent_id", "note", "amount", "code" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- alterColumn type with USING
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER DEFAULT 0, "code" VARCHAR(20), "digits" INTEGER DEFAULT 0, CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE);
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code", "digits") SELECT "id", "parent_id", "note", "amount", "code", CAST("digits" AS INTEGER) FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- alterColumn NOT NULL
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT NOT NULL, "amount" INTEGER DEFAULT 0, "code" VARCHAR(20), CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE);
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code") SELECT "id", "parent_id", "note", "amount", "code" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- alterColumn server default set and dropped
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER, "code" VARCHAR(20) DEFAULT 'none', CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE);
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code") SELECT "id", "parent_id", "note", "amount", "code" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- alterColumn comment

-- add a column, fill it, make it NOT NULL (the seeds' data transform)
ALTER TABLE "child" ADD COLUMN "label" VARCHAR(120);
UPDATE child SET label = 'child ' || id;
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER DEFAULT 0, "code" VARCHAR(20), "label" VARCHAR(120) NOT NULL, CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE);
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code", "label") SELECT "id", "parent_id", "note", "amount", "code", "label" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- createIndex unique on two columns
CREATE UNIQUE INDEX "ux_child_parent_code" ON "child" ("parent_id", "code");

-- createIndex on an expression
CREATE INDEX "ix_child_lower_note" ON "child" ((lower(note)));

-- createIndex partial
CREATE INDEX "ix_child_big" ON "child" ("amount") WHERE amount > 15;

-- createIndex descending, named by the convention
CREATE INDEX "ix_child_parent_id" ON "child" ("parent_id", "amount" DESC);

-- createIndex IF NOT EXISTS of an index that exists
CREATE INDEX IF NOT EXISTS "ix_child_code" ON "child" ("code");

-- createIndex CONCURRENTLY
CREATE INDEX "ix_child_note" ON "child" ("note");

-- dropIndex with its definition
DROP INDEX "ix_child_code";

-- dropIndex IF EXISTS of a missing index
DROP INDEX IF EXISTS "ix_nowhere";

-- addConstraint primary key
CREATE TABLE "_retort_tmp_loose" ("a" INTEGER NOT NULL, "b" INTEGER NOT NULL, CONSTRAINT "pk_loose" PRIMARY KEY ("a", "b"));
INSERT INTO "_retort_tmp_loose" ("a", "b") SELECT "a", "b" FROM "loose";
DROP TABLE "loose";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_loose" RENAME TO "loose";
PRAGMA legacy_alter_table = OFF;

-- addConstraint unique
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER DEFAULT 0, "code" VARCHAR(20), CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE, CONSTRAINT "uq_child_parent_id_code" UNIQUE ("parent_id", "code"));
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code") SELECT "id", "parent_id", "note", "amount", "code" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- addConstraint check
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER DEFAULT 0, "code" VARCHAR(20), CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE, CONSTRAINT "ck_child_amount" CHECK (amount >= 0));
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code") SELECT "id", "parent_id", "note", "amount", "code" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- addConstraint foreign key with actions
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER DEFAULT 0, "code" VARCHAR(20), "backup_id" BIGINT, CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE, CONSTRAINT "fk_child_backup_id_parent" FOREIGN KEY ("backup_id") REFERENCES "parent" ("id") ON DELETE SET NULL ON UPDATE CASCADE);
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code", "backup_id") SELECT "id", "parent_id", "note", "amount", "code", "backup_id" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- addConstraint deferrable foreign key
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER DEFAULT 0, "code" VARCHAR(20), "backup_id" BIGINT, CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE, CONSTRAINT "fk_child_backup_id_parent" FOREIGN KEY ("backup_id") REFERENCES "parent" ("id") DEFERRABLE INITIALLY DEFERRED);
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code", "backup_id") SELECT "id", "parent_id", "note", "amount", "code", "backup_id" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- dropConstraint by the convention's name, with its definition
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER DEFAULT 0, "code" VARCHAR(20), CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE);
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code") SELECT "id", "parent_id", "note", "amount", "code" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- dropConstraint of a check by name, with its definition
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER DEFAULT 0, "code" VARCHAR(20), CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE);
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code") SELECT "id", "parent_id", "note", "amount", "code" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- dropConstraint of a column's foreign key
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER DEFAULT 0, "code" VARCHAR(20));
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code") SELECT "id", "parent_id", "note", "amount", "code" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- drop and add a primary key
CREATE TABLE "_retort_tmp_keyed" ("a" INTEGER NOT NULL, "b" INTEGER NOT NULL, CONSTRAINT "pk_keyed" PRIMARY KEY ("a", "b"));
INSERT INTO "_retort_tmp_keyed" ("a", "b") SELECT "a", "b" FROM "keyed";
DROP TABLE "keyed";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_keyed" RENAME TO "keyed";
PRAGMA legacy_alter_table = OFF;

-- createEnum

-- dropEnum with its values

-- createView
CREATE VIEW "child_names" AS SELECT c.id, p.name FROM child c JOIN parent p ON p.id = c.parent_id;

-- replaceView with its previous query
DROP VIEW IF EXISTS "v";
CREATE VIEW "v" AS SELECT id FROM child WHERE amount > 15;

-- dropView with its query
DROP VIEW "v";

-- execute with a statement per dialect
UPDATE child SET note = 'sqlite';

-- execute for one dialect only

-- bulkInsert with typed values
INSERT INTO "typed" ("id", "flag", "born", "at", "price", "token", "doc", "raw", "txt") VALUES (1, 1, '2024-02-29', '2024-02-29 12:30:00.000000+00:00', 12.50, '0b8f6a52-8a9c-4a43-b1c7-1a7f3a3c1e11', '{"a": [1, 2]}', X'0001ff', 'it''s "quoted"'), (2, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL);

-- run: Java that reads before it writes
-- run("number the notes"): Java, run online only

-- jOOQ update, insert … select and delete
UPDATE "parent" SET "name" = upper("name");
INSERT INTO "parent" ("id", "name") SELECT ("id" + 100), "note" FROM "child" WHERE "note" IS NOT NULL;
DELETE FROM "child" WHERE "amount" > 25;

-- batchAlterTable: several changes to one table
ALTER TABLE "child" RENAME COLUMN "note" TO "remark";
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "remark" TEXT, "amount" BIGINT DEFAULT 0, "code" VARCHAR(20), "flag" BOOLEAN NOT NULL DEFAULT 0, CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE, CONSTRAINT "ck_child_d539d18f" CHECK (amount >= 0));
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "remark", "amount", "code") SELECT "id", "parent_id", "remark", "amount", "code" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
CREATE INDEX "ix_child_flag" ON "child" ("flag");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- batchAlterTable recreate ALWAYS
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER DEFAULT 0, "code" VARCHAR(20), "extra" TEXT, CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE);
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code") SELECT "id", "parent_id", "note", "amount", "code" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- database naming: createTable leaves key, unique, foreign key and check unnamed
CREATE TABLE "award" ("id" INTEGER NOT NULL, "team_id" BIGINT, "code" VARCHAR(10), "points" INTEGER NOT NULL, PRIMARY KEY ("id"), UNIQUE ("code"), CHECK (points >= 0), FOREIGN KEY ("team_id") REFERENCES "parent" ("id"));

-- database naming: dropConstraint by definition finds what the database named
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER DEFAULT 0, "code" VARCHAR(20));
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code") SELECT "id", "parent_id", "note", "amount", "code" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- database naming: rename a table, re-create it and copy the rows back
ALTER TABLE "child" RENAME TO "child_old";
CREATE TABLE "child" ("id" INTEGER NOT NULL, "parent_id" BIGINT NOT NULL, "note" TEXT, PRIMARY KEY ("id"), FOREIGN KEY ("parent_id") REFERENCES "parent" ("id"));
INSERT INTO child (id, parent_id, note) SELECT id, parent_id, note FROM child_old;
DROP TABLE "child_old";

-- serial key: createTable
CREATE TABLE "ticket" ("id" INTEGER NOT NULL, "title" TEXT, CONSTRAINT "pk_ticket" PRIMARY KEY ("id"));

-- serial key: change its type

-- types: varchar without length, json and jsonb, types by name, a non-native enum
CREATE TABLE "doc" ("id" INTEGER NOT NULL, "slug" VARCHAR, "meta" JSON, "data" JSON, "search" TEXT, "address" VARCHAR(45), "status" VARCHAR(9) NOT NULL DEFAULT 'draft', "written" DATETIME DEFAULT CURRENT_TIMESTAMP, CONSTRAINT "pk_doc" PRIMARY KEY ("id"), CONSTRAINT "ck_doc_doc_status" CHECK ("status" IN ('draft', 'published')));

-- types: the same, named by the database
CREATE TABLE "doc" ("id" INTEGER NOT NULL, "status" VARCHAR(9), PRIMARY KEY ("id"), CONSTRAINT "doc_status" CHECK ("status" IN ('draft', 'published')));

-- types: alterColumn to a non-native enum
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER DEFAULT 0, "code" VARCHAR(2), CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE, CONSTRAINT "ck_child_code_kind" CHECK ("code" IN ('x1', 'x2', 'x3')));
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code") SELECT "id", "parent_id", "note", "amount", "code" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- types: alterColumn to DATETIME, JSON and DATE keeps the text (numeric affinity, no CAST)
CREATE TABLE "_retort_tmp_stamped" ("id" INTEGER NOT NULL, "at" DATETIME, "doc" JSON, "day" DATE, CONSTRAINT "pk_stamped" PRIMARY KEY ("id"));
INSERT INTO "_retort_tmp_stamped" ("id", "at", "doc", "day") SELECT "id", "at", "doc", "day" FROM "stamped";
DROP TABLE "stamped";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_stamped" RENAME TO "stamped";
PRAGMA legacy_alter_table = OFF;

-- database naming: an unnamed check dropped by definition is that one, not a look-alike
CREATE TABLE "_retort_tmp_priced" ("id" INTEGER NOT NULL, "price" INTEGER, "sale_price" INTEGER, PRIMARY KEY ("id"), CHECK (sale_price > 0));
INSERT INTO "_retort_tmp_priced" ("id", "price", "sale_price") SELECT "id", "price", "sale_price" FROM "priced";
DROP TABLE "priced";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_priced" RENAME TO "priced";
PRAGMA legacy_alter_table = OFF;

-- types: a non-native enum SQLAlchemy made gains a value
CREATE TABLE "_retort_tmp_moody" ("id" INTEGER NOT NULL, "mood" VARCHAR(5), PRIMARY KEY (id), CONSTRAINT "mood" CHECK ("mood" IN ('happy', 'sad', 'meh')));
INSERT INTO "_retort_tmp_moody" ("id", "mood") SELECT "id", "mood" FROM "moody";
DROP TABLE "moody";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_moody" RENAME TO "moody";
PRAGMA legacy_alter_table = OFF;

-- only: ops for one dialect
ALTER TABLE "child" ADD COLUMN "local_note" TEXT;

-- batchAlterTable with execute
UPDATE child SET note = 'batched' WHERE note IS NULL;
CREATE TABLE "_retort_tmp_child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "parent_id" BIGINT NOT NULL, "note" TEXT, "amount" INTEGER DEFAULT 0, "code" VARCHAR(20), "extra" TEXT, CONSTRAINT "fk_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE, CONSTRAINT "uq_child_extra" UNIQUE ("extra"));
INSERT INTO "_retort_tmp_child" ("id", "parent_id", "note", "amount", "code") SELECT "id", "parent_id", "note", "amount", "code" FROM "child";
DROP TABLE "child";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_child" RENAME TO "child";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_child_code" ON "child" ("code");
DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_child';
UPDATE sqlite_sequence SET seq = MAX(seq, 3) WHERE name = 'child';
INSERT INTO sqlite_sequence (name, seq) SELECT 'child', 3 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'child');

-- dropIndex by its name alone
DROP INDEX "ix_child_code";

-- hostile names: table, columns, index and constraints
CREATE TABLE "Order ""Items"" ü" ("id" INTEGER NOT NULL, "select" TEXT, "My Column" INTEGER, "returning" BIGINT, CONSTRAINT "pk_Order ""Items"" ü" PRIMARY KEY ("id"), CONSTRAINT "uq_Order ""Items"" ü_select" UNIQUE ("select"), CONSTRAINT "fk_Order ""Items"" ü_returning_parent" FOREIGN KEY ("returning") REFERENCES "parent" ("id"));
CREATE INDEX "ix with ""quotes"" ß" ON "Order ""Items"" ü" ("My Column", "select");
CREATE TABLE "_retort_tmp_Order ""Items"" ü" ("id" INTEGER NOT NULL, "select" TEXT, "My Column" INTEGER, "returning" BIGINT, CONSTRAINT "pk_Order ""Items"" ü" PRIMARY KEY ("id"), CONSTRAINT "uq_Order ""Items"" ü_select" UNIQUE ("select"), CONSTRAINT "fk_Order ""Items"" ü_returning_parent" FOREIGN KEY ("returning") REFERENCES "parent" ("id"), CONSTRAINT "ck ""odd"" Ünïcode" CHECK ("My Column" > 0), CONSTRAINT "UQ Mixed Case" UNIQUE ("My Column", "returning"));
INSERT INTO "_retort_tmp_Order ""Items"" ü" ("id", "select", "My Column", "returning") SELECT "id", "select", "My Column", "returning" FROM "Order ""Items"" ü";
DROP TABLE "Order ""Items"" ü";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_retort_tmp_Order ""Items"" ü" RENAME TO "Order ""Items"" ü";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix with ""quotes"" ß" ON "Order ""Items"" ü" ("My Column", "select");

