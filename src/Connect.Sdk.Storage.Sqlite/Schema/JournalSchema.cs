namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The tables of <see cref="SqliteJournalStore"/>.</summary>
internal static class JournalSchema
{
    // Enums are stored as their numbers: a million-entry journal keeps its indexes small, and ListAsync's
    // order by kind is the enum order. The folded_* columns hold the upper-cased search text (see
    // OrdinalIgnoreCaseFolding). Every index leads with (connection, kind) because every query names one journal tab,
    // and ends with (updated_at DESC, record_key), the order of JournalQuery.Order, so a first page is read
    // straight off the index without sorting. Two structures keep the totals of big tabs cheap, both kept in
    // step inside the writing transaction: journal_counts tallies entries per tab and status (the total of an
    // unfiltered or status-only query), and two trigram full-text indexes over the folded columns (journal_text over
    // key and title; journal_message_text over journal_messages, each distinct message once, whose entries
    // journal_entries_message lists per tab) find the matches of a free-text search without reading every entry;
    // journal_entries_tab_by_id then sorts out the other tabs' key and title matches without reading the (wide) entry
    // rows. A history line's seq is its
    // position in the entry's whole history; the lines before earlier_lines were folded into the earlier_* summary
    // on the entry row, so folding a chunk is one range delete, and the rows kept never move.
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new("journal", 1, "journal entries with append-only history", """
            CREATE TABLE journal_entries (
                id                    INTEGER PRIMARY KEY,
                connection            TEXT    NOT NULL,
                kind                  INTEGER NOT NULL,
                record_key            TEXT    NOT NULL,
                status                INTEGER NOT NULL,
                message               TEXT,
                updated_at            INTEGER NOT NULL,
                title                 TEXT,
                article_kind          INTEGER,
                parent_article_number TEXT,
                order_date            INTEGER,
                tracking              INTEGER,
                attempts              INTEGER NOT NULL,
                version               INTEGER NOT NULL,
                folded_key            TEXT    NOT NULL,
                folded_title          TEXT,
                folded_message        TEXT,
                UNIQUE (connection, kind, record_key)
            ) STRICT;

            CREATE INDEX journal_entries_recent ON journal_entries (connection, kind, updated_at DESC, record_key);
            CREATE INDEX journal_entries_status ON journal_entries (connection, kind, status, updated_at DESC, record_key);
            CREATE INDEX journal_entries_article_kind ON journal_entries (connection, kind, article_kind, updated_at DESC, record_key);
            CREATE INDEX journal_entries_tracking ON journal_entries (connection, kind, tracking, updated_at DESC, record_key);
            CREATE INDEX journal_entries_order_date ON journal_entries (connection, kind, order_date);
            CREATE INDEX journal_entries_tab_by_id ON journal_entries (id, connection, kind);

            CREATE TABLE journal_history (
                entry_id    INTEGER NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
                seq         INTEGER NOT NULL,
                at          INTEGER NOT NULL,
                from_status INTEGER NOT NULL,
                to_status   INTEGER NOT NULL,
                message     TEXT,
                PRIMARY KEY (entry_id, seq)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE journal_counts (
                connection TEXT    NOT NULL,
                kind       INTEGER NOT NULL,
                status     INTEGER NOT NULL,
                entries    INTEGER NOT NULL,
                PRIMARY KEY (connection, kind, status)
            ) STRICT, WITHOUT ROWID;

            CREATE TRIGGER journal_counts_insert AFTER INSERT ON journal_entries BEGIN
                INSERT INTO journal_counts (connection, kind, status, entries) VALUES (new.connection, new.kind, new.status, 1)
                ON CONFLICT DO UPDATE SET entries = entries + 1;
            END;

            CREATE TRIGGER journal_counts_update AFTER UPDATE OF status ON journal_entries WHEN old.status <> new.status BEGIN
                UPDATE journal_counts SET entries = entries - 1 WHERE connection = old.connection AND kind = old.kind AND status = old.status;
                INSERT INTO journal_counts (connection, kind, status, entries) VALUES (new.connection, new.kind, new.status, 1)
                ON CONFLICT DO UPDATE SET entries = entries + 1;
            END;

            CREATE TRIGGER journal_counts_delete AFTER DELETE ON journal_entries BEGIN
                UPDATE journal_counts SET entries = entries - 1 WHERE connection = old.connection AND kind = old.kind AND status = old.status;
            END;

            CREATE VIRTUAL TABLE journal_text USING fts5 (
                folded_key, folded_title, folded_message,
                content = 'journal_entries', content_rowid = 'id', tokenize = 'trigram case_sensitive 1'
            );

            CREATE TRIGGER journal_text_insert AFTER INSERT ON journal_entries BEGIN
                INSERT INTO journal_text (rowid, folded_key, folded_title, folded_message) VALUES (new.id, new.folded_key, new.folded_title, new.folded_message);
            END;

            CREATE TRIGGER journal_text_update AFTER UPDATE OF folded_key, folded_title, folded_message ON journal_entries
            WHEN old.folded_key IS NOT new.folded_key OR old.folded_title IS NOT new.folded_title OR old.folded_message IS NOT new.folded_message BEGIN
                INSERT INTO journal_text (journal_text, rowid, folded_key, folded_title, folded_message) VALUES ('delete', old.id, old.folded_key, old.folded_title, old.folded_message);
                INSERT INTO journal_text (rowid, folded_key, folded_title, folded_message) VALUES (new.id, new.folded_key, new.folded_title, new.folded_message);
            END;

            CREATE TRIGGER journal_text_delete AFTER DELETE ON journal_entries BEGIN
                INSERT INTO journal_text (journal_text, rowid, folded_key, folded_title, folded_message) VALUES ('delete', old.id, old.folded_key, old.folded_title, old.folded_message);
            END;
            """),
        new("journal", 2, "repeated status changes counted on one history line; the next try of a failing record", """
            ALTER TABLE journal_history ADD COLUMN repeats INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE journal_history ADD COLUMN last_repeated_at INTEGER;
            ALTER TABLE journal_entries ADD COLUMN next_attempt_at INTEGER;
            """),
        new("journal", 3, "a bounded history per entry: the oldest lines folded into a summary on the entry", """
            ALTER TABLE journal_entries ADD COLUMN earlier_lines INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE journal_entries ADD COLUMN earlier_changes INTEGER;
            ALTER TABLE journal_entries ADD COLUMN earlier_failures INTEGER;
            ALTER TABLE journal_entries ADD COLUMN earlier_failures_in_a_row INTEGER;
            ALTER TABLE journal_entries ADD COLUMN earlier_from INTEGER;
            ALTER TABLE journal_entries ADD COLUMN earlier_to INTEGER;
            ALTER TABLE journal_entries ADD COLUMN earlier_first_status INTEGER;
            ALTER TABLE journal_entries ADD COLUMN earlier_first_message TEXT;
            """),

        // The four indexes in page order carry the other criteria's columns after the order, so that a page or a total
        // decides every criterion but free text on the index alone and reads an entry's row only for a match. A status
        // change already rewrites each of these entries (updated_at is in all four), so the wider entries cost the
        // writes little; the order-date index, which a status change leaves alone, stays as it is.
        new("journal", 5, "journal indexes carry every criterion's column but free text", """
            DROP INDEX journal_entries_recent;
            CREATE INDEX journal_entries_recent ON journal_entries (connection, kind, updated_at DESC, record_key, status, tracking, article_kind, order_date);
            DROP INDEX journal_entries_status;
            CREATE INDEX journal_entries_status ON journal_entries (connection, kind, status, updated_at DESC, record_key, tracking, article_kind, order_date);
            DROP INDEX journal_entries_article_kind;
            CREATE INDEX journal_entries_article_kind ON journal_entries (connection, kind, article_kind, updated_at DESC, record_key, status, tracking, order_date);
            DROP INDEX journal_entries_tracking;
            CREATE INDEX journal_entries_tracking ON journal_entries (connection, kind, tracking, updated_at DESC, record_key, status, article_kind, order_date);
            """),

        // A status change rewrites the message and nothing else of the text, yet an FTS5 update is a 'delete' of every
        // old column and an insert of every new one: with the message beside key and title, each change re-tokenized
        // all three. The message now has a full-text table of its own, so a status change touches only that one, and
        // a free-text search asks both (JournalFilter.TextMatches). Both are rebuilt from the entries here.
        new("journal", 6, "the message in a full-text index of its own, apart from key and title", """
            DROP TRIGGER journal_text_insert;
            DROP TRIGGER journal_text_update;
            DROP TRIGGER journal_text_delete;
            DROP TABLE journal_text;

            CREATE VIRTUAL TABLE journal_text USING fts5 (
                folded_key, folded_title,
                content = 'journal_entries', content_rowid = 'id', tokenize = 'trigram case_sensitive 1'
            );
            CREATE VIRTUAL TABLE journal_message_text USING fts5 (
                folded_message,
                content = 'journal_entries', content_rowid = 'id', tokenize = 'trigram case_sensitive 1'
            );
            INSERT INTO journal_text (journal_text) VALUES ('rebuild');
            INSERT INTO journal_message_text (journal_message_text) VALUES ('rebuild');

            CREATE TRIGGER journal_text_insert AFTER INSERT ON journal_entries BEGIN
                INSERT INTO journal_text (rowid, folded_key, folded_title) VALUES (new.id, new.folded_key, new.folded_title);
                INSERT INTO journal_message_text (rowid, folded_message) VALUES (new.id, new.folded_message);
            END;

            CREATE TRIGGER journal_text_update AFTER UPDATE OF folded_key, folded_title ON journal_entries
            WHEN old.folded_key IS NOT new.folded_key OR old.folded_title IS NOT new.folded_title BEGIN
                INSERT INTO journal_text (journal_text, rowid, folded_key, folded_title) VALUES ('delete', old.id, old.folded_key, old.folded_title);
                INSERT INTO journal_text (rowid, folded_key, folded_title) VALUES (new.id, new.folded_key, new.folded_title);
            END;

            CREATE TRIGGER journal_message_text_update AFTER UPDATE OF folded_message ON journal_entries
            WHEN old.folded_message IS NOT new.folded_message BEGIN
                INSERT INTO journal_message_text (journal_message_text, rowid, folded_message) VALUES ('delete', old.id, old.folded_message);
                INSERT INTO journal_message_text (rowid, folded_message) VALUES (new.id, new.folded_message);
            END;

            CREATE TRIGGER journal_text_delete AFTER DELETE ON journal_entries BEGIN
                INSERT INTO journal_text (journal_text, rowid, folded_key, folded_title) VALUES ('delete', old.id, old.folded_key, old.folded_title);
                INSERT INTO journal_message_text (journal_message_text, rowid, folded_message) VALUES ('delete', old.id, old.folded_message);
            END;
            """),

        // A status change re-indexed its entry's message: a thousand changes tokenized a thousand old and a thousand new
        // messages, though a run's messages repeat from article to article ("sending stock 7"). Each distinct message is
        // now indexed once, in journal_messages, and a free-text search finds the entries of a matching message through
        // journal_entries_message. Messages are kept in step set-wise by the writer (JournalMessages), not by a trigger
        // per row, which cost as much as the index it saved: a changed message is added per chunk of entries, and one no
        // entry holds any longer goes at the end of the save. A new entry's message comes in by trigger, and a deleted
        // entry's goes by trigger when it was the last to hold it.
        new("journal", 7, "each distinct message in the full-text index once", """
            DROP TRIGGER journal_text_insert;
            DROP TRIGGER journal_message_text_update;
            DROP TRIGGER journal_text_delete;
            DROP TABLE journal_message_text;

            CREATE TABLE journal_messages (
                id     INTEGER PRIMARY KEY,
                folded TEXT    NOT NULL UNIQUE
            ) STRICT;

            CREATE VIRTUAL TABLE journal_message_text USING fts5 (
                folded,
                content = 'journal_messages', content_rowid = 'id', tokenize = 'trigram case_sensitive 1'
            );

            CREATE TRIGGER journal_messages_insert AFTER INSERT ON journal_messages BEGIN
                INSERT INTO journal_message_text (rowid, folded) VALUES (new.id, new.folded);
            END;

            CREATE TRIGGER journal_messages_delete AFTER DELETE ON journal_messages BEGIN
                INSERT INTO journal_message_text (journal_message_text, rowid, folded) VALUES ('delete', old.id, old.folded);
            END;

            INSERT INTO journal_messages (folded) SELECT DISTINCT folded_message FROM journal_entries WHERE folded_message IS NOT NULL;
            CREATE INDEX journal_entries_message ON journal_entries (folded_message, connection, kind) WHERE folded_message IS NOT NULL;

            CREATE TRIGGER journal_text_insert AFTER INSERT ON journal_entries BEGIN
                INSERT INTO journal_text (rowid, folded_key, folded_title) VALUES (new.id, new.folded_key, new.folded_title);
                INSERT INTO journal_messages (folded) SELECT new.folded_message WHERE new.folded_message IS NOT NULL ON CONFLICT DO NOTHING;
            END;

            CREATE TRIGGER journal_text_delete AFTER DELETE ON journal_entries BEGIN
                INSERT INTO journal_text (journal_text, rowid, folded_key, folded_title) VALUES ('delete', old.id, old.folded_key, old.folded_title);
                DELETE FROM journal_messages
                WHERE folded = old.folded_message AND NOT EXISTS (SELECT 1 FROM journal_entries WHERE folded_message = old.folded_message);
            END;
            """),
    ];
}
