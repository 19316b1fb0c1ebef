using System.Text.Json;
using System.Text.RegularExpressions;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Samples.Tests.CustomConnector;

/// <summary>
/// What issue 15 promises of the project partners copy: the connector fits in 300 lines on the SDK's helpers, and its
/// package ships no test dependencies (its fake lives in Basar.Connector.Testing).
/// </summary>
public sealed partial class BasarConnectorProjectTests
{
    private const int MaxCodeLines = 300;

    private static readonly string ProjectFolder = Path.Combine(RepositoryFiles.Root, "samples", "CustomConnector", "Basar.Connector");

    [Fact]
    public void CodeLines_BasarConnector_AtMost300()
    {
        var perFile = Directory.EnumerateFiles(ProjectFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .ToDictionary(f => Path.GetRelativePath(ProjectFolder, f), f => File.ReadLines(f).Count(IsCode));

        var total = perFile.Values.Sum();

        Assert.True(total <= MaxCodeLines, $"Basar.Connector has {total} non-blank, non-comment lines (at most {MaxCodeLines}): {string.Join(", ", perFile.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}"))}");
    }

    [Theory]
    [InlineData("Connect.Sdk.Testing")]
    [InlineData("WireMock.Net")]
    [InlineData("xunit")]
    [InlineData("Newtonsoft.Json")]
    public void Dependencies_BasarConnector_DoNotIncludeTestingPackages(string forbidden)
    {
        // The restore's own list: every package and project the connector depends on, directly or through the SDK.
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(ProjectFolder, "obj", "project.assets.json")));
        var dependencies = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0]).ToList();

        Assert.Contains("Connect.Sdk.Http", dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith(forbidden, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsCode(string line) => !CommentOrBlank().IsMatch(line);

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*($|//)")]
    private static partial Regex CommentOrBlank();
}
