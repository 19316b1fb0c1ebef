using System.Globalization;
using Npgsql;

[assembly: AssemblyFixture(typeof(Connect.Sdk.Storage.PostgreSql.Tests.TestSupport.PostgreSqlServer))]

namespace Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;

/// <summary>
/// The PostgreSQL server the tests run against, named by <c>CONNECT_SDK_TEST_POSTGRES</c> (a connection string to a
/// user that may create databases; <c>tests/postgres/start-throwaway.sh</c> starts one). Once per test run it migrates a
/// template database; each test then gets a fresh copy of it (<see cref="CreateDatabaseAsync"/>), so tests never see
/// each other's rows. Without the variable the tests are skipped with the reason; with
/// <c>CONNECT_SDK_REQUIRE_POSTGRES=1</c> (CI) they fail instead.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    public const string ConnectionVariable = "CONNECT_SDK_TEST_POSTGRES";
    public const string RequiredVariable = "CONNECT_SDK_REQUIRE_POSTGRES";

    private readonly string? _connectionString = Environment.GetEnvironmentVariable(ConnectionVariable);
    private readonly string _template = "connect_sdk_template_" + Guid.NewGuid().ToString("N");
    private string? _unavailable;

    /// <summary>Whether CI demands the server: then a missing server fails the tests instead of skipping them.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequiredVariable) == "1";

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(_connectionString))
        {
            _unavailable = $"{ConnectionVariable} is not set: no PostgreSQL server to test against (start one with tests/postgres/start-throwaway.sh, see docs/testing.md).";
            return;
        }

        try
        {
            await ExecuteAsync($"CREATE DATABASE {_template};");
            // The template is migrated by the store itself, then left without connections, as CREATE DATABASE … TEMPLATE needs.
            await using var template = new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = For(_template) });
            await template.MigrateAsync(CancellationToken.None);
        }
        catch (NpgsqlException e)
        {
            // The message names the host and the failure, never the password.
            _unavailable = $"The PostgreSQL server of {ConnectionVariable} cannot be used: {e.Message}";
        }
    }

    /// <summary>
    /// Creates a fresh, migrated database for one test and returns its connection string (pooling off, so dropping it
    /// later finds no idle connections). Skips the test, or fails it when the server is required, without a server.
    /// </summary>
    public async Task<string> CreateDatabaseAsync()
    {
        EnsureAvailable();
        var name = "connect_sdk_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {_template};");
        return For(name);
    }

    /// <summary>Creates an empty database, not migrated, for the migration tests; drop it with <see cref="DropDatabaseAsync"/>.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = "connect_sdk_test_" + Guid.NewGuid().ToString("N");
        EnsureAvailable();
        await ExecuteAsync($"CREATE DATABASE {name};");
        return For(name);
    }

    /// <summary>Drops a test's database, closing any connection still open to it.</summary>
    public Task DropDatabaseAsync(string connectionString) =>
        ExecuteAsync($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE);");

    public async ValueTask DisposeAsync()
    {
        if (_unavailable is null && !string.IsNullOrWhiteSpace(_connectionString))
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS {_template} WITH (FORCE);");
        }
    }

    private void EnsureAvailable()
    {
        if (_unavailable is null)
        {
            return;
        }

        if (Required)
        {
            Assert.Fail($"{RequiredVariable}=1 but {_unavailable}");
        }

        Assert.Skip(_unavailable);
    }

    private string For(string database) =>
        new NpgsqlConnectionStringBuilder(_connectionString) { Database = database, Pooling = false }.ToString();

    private async Task ExecuteAsync(string sql)
    {
        // Databases are created and dropped over the server's own connection string, outside any test database.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"PostgreSQL test server ({(_unavailable is null ? "available" : "unavailable")})");
}
