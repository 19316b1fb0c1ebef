namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The tables of <see cref="SqliteJournalStore"/>.</summary>
internal static class JournalSchema
{
    // Enums are stored as their numbers: a million-entry journal keeps its indexes small, and ListAsync's
    // order by kind is the enum order. The folded_* columns hold the upper-cased search text (see
    // JournalTextFolding); every index leads with (connection, kind) because every query names one journal tab
    // and ends with (updated_at DESC, record_key), the order of JournalQuery.Order, so a first page is read
    // straight off the index without sorting.
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

            CREATE TABLE journal_history (
                entry_id    INTEGER NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
                seq         INTEGER NOT NULL,
                at          INTEGER NOT NULL,
                from_status INTEGER NOT NULL,
                to_status   INTEGER NOT NULL,
                message     TEXT,
                PRIMARY KEY (entry_id, seq)
            ) STRICT, WITHOUT ROWID;
            """),
    ];
}
