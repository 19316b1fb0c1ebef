using Microsoft.Data.Sqlite;
using Xunit;

namespace Connect.Sdk.Storage.Sqlite.Tests.Statements;

/// <summary>
/// The statement the journal steps without Microsoft.Data.Sqlite's command layer (<see cref="SqliteStatement"/>) binds and
/// fails as a command would: a parameter without a value, a second statement, a constraint or an unsupported value type
/// is an error, never silently NULL or left out.
/// </summary>
public sealed class SqliteStatementTests : IDisposable
{
    private readonly SqliteConnection _db = new("Data Source=:memory:");

    public SqliteStatementTests()
    {
        _db.Open();
        using var create = _db.CreateCommand();
        create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER);";
        create.ExecuteNonQuery();
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Prepare_CommandWithItsParameters_BindsThemByNameWithOrWithoutPrefixAndLeavesOutUnusedOnes()
    {
        using var command = _db.CreateCommand();
        command.CommandText = "SELECT $a, :b, @c;";
        command.Parameters.AddWithValue("$a", "text");
        command.Parameters.AddWithValue("b", 42L);
        command.Parameters.AddWithValue("@c", DBNull.Value);
        command.Parameters.AddWithValue("$unused", 1);

        using var statement = SqliteStatement.Prepare(command);

        Assert.True(statement.Step());
        Assert.Equal("text", statement.String(0));
        Assert.Equal(42, statement.Int64(1));
        Assert.True(statement.IsNull(2));
        Assert.False(statement.Step());
    }

    [Fact]
    public void Prepare_CommandWithoutAValueTheStatementUses_ThrowsNamingTheParameter()
    {
        using var command = _db.CreateCommand();
        command.CommandText = "SELECT $given, $missing;";
        command.Parameters.AddWithValue("$given", 1);

        var error = Assert.Throws<InvalidOperationException>(() => SqliteStatement.Prepare(command));

        Assert.Contains("$missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_EnumValue_BindsItsNumberAsACommandWould()
    {
        using var command = _db.CreateCommand();
        command.CommandText = "SELECT $value;";
        command.Parameters.AddWithValue("$value", DayOfWeek.Friday);

        using var statement = SqliteStatement.Prepare(command);

        Assert.True(statement.Step());
        Assert.Equal((long)DayOfWeek.Friday, statement.Int64(0));
    }

    [Fact]
    public void Prepare_ValueOfATypeTheJournalNeverBinds_Throws()
    {
        using var command = _db.CreateCommand();
        command.CommandText = "SELECT $value;";
        command.Parameters.AddWithValue("$value", 1.5);

        Assert.Throws<NotSupportedException>(() => SqliteStatement.Prepare(command));
    }

    [Theory]
    [InlineData("SELECT 1; SELECT 2;")]
    [InlineData("   ")]
    public void Prepare_TextThatIsNotExactlyOneStatement_Throws(string sql) =>
        Assert.Throws<ArgumentException>(() => SqliteStatement.Prepare(_db, sql));

    [Fact]
    public void Prepare_InvalidSql_ThrowsSqlitesError()
    {
        var error = Assert.Throws<SqliteException>(() => SqliteStatement.Prepare(_db, "SELECT FROM nowhere;"));

        Assert.Equal(1, error.SqliteErrorCode);
    }

    [Fact]
    public void ParameterIndex_NameTheStatementDoesNotHave_Throws()
    {
        using var statement = SqliteStatement.Prepare(_db, "SELECT $a;");

        Assert.Throws<ArgumentException>(() => statement.ParameterIndex("$b"));
    }

    [Fact]
    public void Execute_RunsAgainWithNewValues_AndAFailedRunLeavesTheStatementUsable()
    {
        using (var insert = SqliteStatement.Prepare(_db, "INSERT INTO t (id, name, n) VALUES ($id, $name, $n);"))
        {
            var (id, name, n) = (insert.ParameterIndex("$id"), insert.ParameterIndex("$name"), insert.ParameterIndex("$n"));
            insert.Bind(id, 1);
            insert.Bind(name, "one");
            insert.Bind(n, (long?)null);
            Assert.Equal(1, insert.Execute());

            // The same key again: SQLite's constraint error, as a command would throw it.
            var error = Assert.Throws<SqliteException>(() => insert.Execute());
            Assert.Equal(19, error.SqliteErrorCode);

            insert.Bind(id, 2);
            insert.Bind(name, (string?)null);
            insert.Bind(n, 7L);
            Assert.Equal(1, insert.Execute());
        }

        // What a statement that changes nothing reports, not the count of the statement before it.
        using (var update = SqliteStatement.Prepare(_db, "UPDATE t SET n = 8 WHERE id = 99;"))
        {
            Assert.Equal(0, update.Execute());
        }

        using var select = SqliteStatement.Prepare(_db, "SELECT id, name, n FROM t ORDER BY id;");
        Assert.True(select.Step());
        Assert.Equal((1L, "one", true), (select.Int64(0), select.String(1), select.IsNull(2)));
        Assert.True(select.Step());
        Assert.Equal((2L, true, 7L), (select.Int64(0), select.IsNull(1), select.Int64(2)));
        Assert.False(select.Step());
    }

    [Fact]
    public void Step_InsideTheConnectionsTransaction_IsRolledBackWithIt()
    {
        using (var transaction = _db.BeginTransaction())
        {
            using var insert = SqliteStatement.Prepare(_db, "INSERT INTO t (id) VALUES (1);");
            insert.Execute();
            transaction.Rollback();
        }

        using var count = SqliteStatement.Prepare(_db, "SELECT count(*) FROM t;");
        Assert.True(count.Step());
        Assert.Equal(0, count.Int64(0));
    }
}
