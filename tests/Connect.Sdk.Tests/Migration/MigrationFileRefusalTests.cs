using System.Text;
using Connect.Sdk.Connectors;
using Connect.Sdk.Migration;
using Connect.Sdk.Tests.Lifecycle;
using static Connect.Sdk.Tests.Migration.MigrationWorld;

namespace Connect.Sdk.Tests.Migration;

/// <summary>A file that is not the classic foreign-number table stops the whole migration before anything is written.</summary>
public sealed class MigrationFileRefusalTests
{
    public static TheoryData<string, string> WrongFiles => new()
    {
        { "name,price\nfoo,1\n", "missing column(s)" },
        { string.Empty, "the file is empty" },
    };

    [Theory]
    [MemberData(nameof(WrongFiles))]
    public async Task ApplyAsync_FileWithoutTheForeignNumberHeader_IsRefusedAndWritesNothing(string file, string reason)
    {
        var world = new MigrationWorld();
        var export = new ClassicExport(Target, ConnectorId.Shopify, "Shop DE (migrated)", MigrationWorld.Settings, Encoding.UTF8.GetBytes(file));

        var report = await world.ApplyAsync(export);

        Assert.Contains(report.Refusals, r => r.StartsWith("foreign numbers: ", StringComparison.Ordinal) && r.Contains(reason, StringComparison.Ordinal));
        Assert.Empty(report.Conflicts);
        Assert.False(report.IsNothingToDo);
        Assert.Null(await world.Connections.GetAsync(Target, CancellationToken.None));
        Assert.Null(await world.Secrets.GetAsync(Target, LifecycleFixtures.AccessToken, CancellationToken.None));
    }
}
