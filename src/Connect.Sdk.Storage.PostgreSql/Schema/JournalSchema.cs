namespace Connect.Sdk.Storage.PostgreSql.Schema;

/// <summary>The tables of <see cref="PostgreSqlJournalStore"/>.</summary>
internal static class JournalSchema
{
    // As in the SQLite store: enums are stored as their numbers, so ListAsync's order by kind is the enum order; the
    // folded_* columns hold the upper-cased search text (see OrdinalIgnoreCaseFolding). Every index leads with
    // (connection, kind) because every query names one journal tab, and ends with (updated_at DESC, record_key), the
    // order of JournalQuery.Order, so a first page is read straight off the index. The free-text search runs on pg_trgm
    // GIN indexes over the folded columns: a LIKE '%text%' of three characters or more is answered from them without
    // reading every entry. The history is append-only but for its last line, where an identical repeat is counted, and
    // its head: a line's seq is its position in the entry's whole history, and the lines before earlier_lines were
    // folded into the earlier_* summary on the entry row, so folding a chunk is one range delete.
    public static IReadOnlyList<PostgreSqlMigration> Migrations { get; } =
    [
        new("journal", 1, "journal entries with append-only history and trigram indexes for the free-text search", """
            CREATE EXTENSION IF NOT EXISTS pg_trgm;

            CREATE TABLE journal_entries (
                id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                connection            text   COLLATE "C" NOT NULL,
                kind                  bigint NOT NULL,
                record_key            text   COLLATE "C" NOT NULL,
                status                bigint NOT NULL,
                message               text,
                updated_at            bigint NOT NULL,
                title                 text,
                article_kind          bigint,
                parent_article_number text,
                order_date            bigint,
                tracking              bigint,
                attempts              bigint NOT NULL,
                version               bigint NOT NULL,
                next_attempt_at       bigint,
                folded_key            text   COLLATE "C" NOT NULL,
                folded_title          text   COLLATE "C",
                folded_message        text   COLLATE "C",
                UNIQUE (connection, kind, record_key)
            );

            CREATE INDEX journal_entries_recent ON journal_entries (connection, kind, updated_at DESC, record_key);
            CREATE INDEX journal_entries_status ON journal_entries (connection, kind, status, updated_at DESC, record_key);
            CREATE INDEX journal_entries_article_kind ON journal_entries (connection, kind, article_kind, updated_at DESC, record_key);
            CREATE INDEX journal_entries_tracking ON journal_entries (connection, kind, tracking, updated_at DESC, record_key);
            CREATE INDEX journal_entries_order_date ON journal_entries (connection, kind, order_date);
            CREATE INDEX journal_entries_text_key ON journal_entries USING gin (folded_key gin_trgm_ops);
            CREATE INDEX journal_entries_text_title ON journal_entries USING gin (folded_title gin_trgm_ops);
            CREATE INDEX journal_entries_text_message ON journal_entries USING gin (folded_message gin_trgm_ops);

            CREATE TABLE journal_history (
                entry_id         bigint NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
                seq              bigint NOT NULL,
                at               bigint NOT NULL,
                from_status      bigint NOT NULL,
                to_status        bigint NOT NULL,
                message          text,
                repeats          bigint NOT NULL DEFAULT 0,
                last_repeated_at bigint,
                PRIMARY KEY (entry_id, seq)
            );
            """),
        new("journal", 2, "a bounded history per entry: the oldest lines folded into a summary on the entry", """
            ALTER TABLE journal_entries
                ADD COLUMN earlier_lines         bigint NOT NULL DEFAULT 0,
                ADD COLUMN earlier_changes       bigint,
                ADD COLUMN earlier_failures      bigint,
                ADD COLUMN earlier_failures_in_a_row bigint,
                ADD COLUMN earlier_from          bigint,
                ADD COLUMN earlier_to            bigint,
                ADD COLUMN earlier_first_status  bigint,
                ADD COLUMN earlier_first_message text;
            """),
    ];
}
