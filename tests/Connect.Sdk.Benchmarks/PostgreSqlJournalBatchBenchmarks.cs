using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Connect.Sdk.Storage.PostgreSql;
using Npgsql;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// The status changes of <see cref="SqliteJournalBatchBenchmarks"/> in PostgreSQL: 1,000 saved one by one (the
/// baseline) against one batch save, reading whole histories or only the lines a status change needs, in a database of
/// its own on the server that <c>CONNECT_SDK_TEST_POSTGRES</c> names (tests/postgres/start-throwaway.sh starts one).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PostgreSqlJournalBatchBenchmarks
{
    private readonly string _name = "connect_sdk_bench_" + Guid.NewGuid().ToString("N");
    private string _server = string.Empty;
    private PostgreSqlDatabase? _database;
    private PostgreSqlJournalStore? _store;
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        _server = Environment.GetEnvironmentVariable("CONNECT_SDK_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Set CONNECT_SDK_TEST_POSTGRES to a PostgreSQL server's connection string (tests/postgres/start-throwaway.sh).");
        Run($"CREATE DATABASE {_name};");
        _database = new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString });
        _store = new PostgreSqlJournalStore(_database);
        _store.AddMissingAsync(JournalStatusChanges.Tab(), CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database?.Dispose();
        Run($"DROP DATABASE IF EXISTS {_name} WITH (FORCE);");
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Write")]
    public Task<int> StatusChangesOneByOne() => JournalStatusChanges.SaveOneByOneAsync(_store!, Interlocked.Increment(ref _round));

    [Benchmark]
    [BenchmarkCategory("Write")]
    public Task<int> StatusChangesInOneBatchReadingWholeHistories() => JournalStatusChanges.SaveInOneBatchReadingWholeHistoriesAsync(_store!, Interlocked.Increment(ref _round));

    [Benchmark]
    [BenchmarkCategory("Write")]
    public Task<int> StatusChangesInOneBatch() => JournalStatusChanges.SaveInOneBatchAsync(_store!, Interlocked.Increment(ref _round));

    private void Run(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
