using System.Data;
using System.Data.Common;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Storage.Relational;

/// <summary>Converts connections and lifecycle transitions to and from the rows of <c>connections</c> and <c>connection_history</c>.</summary>
internal static class ConnectionRows
{
    /// <summary>
    /// The columns a save rewrites: <see cref="Values"/>, then the version. Not the creation instant, which belongs
    /// to the stored connection.
    /// </summary>
    public const string SavedColumns =
        "id, connector_id, name, settings, check_status, check_at, check_message, credentials_revision, is_productive, feature_modes, import_mode, version";

    /// <summary>The columns <see cref="ReadConnection"/> expects, in its order.</summary>
    public const string Columns = SavedColumns + ", created_at";

    /// <summary>The parameters <see cref="WithConnection"/> binds, matching <see cref="Columns"/> but for the version.</summary>
    public const string Values =
        "@id, @connector_id, @name, @settings, @check_status, @check_at, @check_message, @credentials_revision, @is_productive, @feature_modes, @import_mode";

    /// <summary>The columns <see cref="ReadTransition"/> expects, in its order.</summary>
    public const string HistoryColumns = "connection, at, actor, change, feature, from_state, to_state, detail";

    /// <summary>Reads the connection at the reader's row.</summary>
    public static Connection ReadConnection(DbDataReader reader)
    {
        var settings = StoredJson.Deserialize<StoredSettings>(reader.GetString(3));
        return new Connection
        {
            Id = new ConnectionId(reader.GetString(0)),
            ConnectorId = new ConnectorId(reader.GetString(1)),
            Name = reader.GetString(2),
            Settings = new ConnectionSettings(settings.Values, settings.SecretsSet),
            Check = new ConnectionCheck(Enum.Parse<CheckStatus>(reader.GetString(4)), reader.GetNullableInstant(5), reader.GetNullableString(6)),
            CredentialsRevision = reader.GetInt64(7),
            IsProductive = reader.GetBoolean(8),
            FeatureModes = StoredJson.Deserialize<Dictionary<string, string>>(reader.GetString(9))
                .ToDictionary(m => Enum.Parse<FeatureKind>(m.Key), m => Enum.Parse<FeatureMode>(m.Value)),
            ImportMode = Enum.Parse<ImportMode>(reader.GetString(10)),
            Version = reader.GetInt64(11),
            CreatedAt = reader.GetInstant(12),
        };
    }

    /// <summary>Binds the stored values of a connection (all but the version) to <see cref="Values"/>.</summary>
    public static DbCommand WithConnection(this DbCommand command, SqlDialect dialect, Connection connection) => command
        .With("@id", connection.Id.Value)
        .With("@connector_id", connection.ConnectorId.Value)
        .With("@name", connection.Name)
        .With("@check_status", connection.Check.Status.ToString())
        .With("@check_at", connection.Check.At)
        .WithText("@check_message", connection.Check.Message)
        .With("@credentials_revision", connection.CredentialsRevision)
        // A boolean column in PostgreSQL; SQLite stores it as the integer 1 or 0, which GetBoolean reads back.
        .With("@is_productive", connection.IsProductive)
        .With("@import_mode", connection.ImportMode.ToString())
        .WithJson(dialect, "@settings", StoredJson.Serialize(new StoredSettings(
            connection.Settings.Values.ToDictionary(StringComparer.Ordinal), [.. connection.Settings.SecretsSet.Order(StringComparer.Ordinal)])))
        .WithJson(dialect, "@feature_modes", StoredJson.Serialize(connection.FeatureModes.OrderBy(m => m.Key).ToDictionary(m => m.Key.ToString(), m => m.Value.ToString())));

    /// <summary>Reads the transition at the reader's row, whose <see cref="HistoryColumns"/> start at <paramref name="offset"/>.</summary>
    public static LifecycleTransition ReadTransition(DbDataReader reader, int offset) => new(
        new ConnectionId(reader.GetString(offset)),
        reader.GetInstant(offset + 1),
        new Actor(reader.GetString(offset + 2)),
        Enum.Parse<LifecycleChange>(reader.GetString(offset + 3)),
        reader.IsDBNull(offset + 4) ? null : Enum.Parse<FeatureKind>(reader.GetString(offset + 4)),
        reader.GetString(offset + 5),
        reader.GetString(offset + 6),
        reader.GetNullableString(offset + 7));

    /// <summary>
    /// Appends transitions after the connection's last one. Called after the connection's row was inserted or updated
    /// in the same transaction, so its row lock (or the database's one writer) keeps a concurrent writer from numbering
    /// the same history rows.
    /// </summary>
    public static async ValueTask AppendHistoryAsync(
        SqlDialect dialect, DbConnection db, DbTransaction transaction, ConnectionId connection, IReadOnlyList<LifecycleTransition> transitions, CancellationToken cancellationToken)
    {
        if (transitions.Count == 0)
        {
            return;
        }

        await using var next = db.Command(transaction, "SELECT COALESCE(MAX(seq) + 1, 0) FROM connection_history WHERE connection = @connection;")
            .With("@connection", connection.Value);
        var seq = Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        await RowStatements.ExecuteForEachAsync(
            dialect,
            db,
            transaction,
            $"INSERT INTO connection_history (seq, {HistoryColumns}) VALUES (@seq, @connection, @at, @actor, @change, @feature, @from, @to, @detail);",
            transitions,
            (parameters, transition) => parameters
                .With("@seq", seq++)
                .With("@connection", connection.Value)
                .With("@at", transition.At.ToStored())
                .With("@actor", transition.Actor.Name)
                .With("@change", transition.Change.ToString())
                .With("@feature", DbType.String, transition.Feature?.ToString())
                .With("@from", transition.From)
                .With("@to", transition.To)
                .With("@detail", DbType.String, transition.Detail),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The settings as JSON: the values and the names of the secrets that are set (never their values).</summary>
    private sealed record StoredSettings(Dictionary<string, string> Values, string[] SecretsSet);
}
