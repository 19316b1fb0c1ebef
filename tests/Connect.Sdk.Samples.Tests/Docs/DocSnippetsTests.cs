using System.Text.RegularExpressions;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Samples.Tests.Docs;

/// <summary>
/// Keeps the code in the guides equal to code the tests compile and run. A guide marks a block with
/// <c>&lt;!-- snippet: name --&gt;</c> right above a <c>```csharp</c> fence; the code lives in a
/// <c>#region snippet: name</c> of a .cs file under src/, samples/ or tests/. Run the tests once with
/// CONNECT_SDK_UPDATE_DOCS=1 to copy changed regions into the guides.
/// </summary>
public sealed partial class DocSnippetsTests
{
    private static readonly string[] CodeFolders = ["src", "samples", "tests"];

    public static TheoryData<string> Guides { get; } = [.. GuideFiles().Select(f => Path.GetRelativePath(RepositoryFiles.Root, f))];

    [Theory]
    [MemberData(nameof(Guides))]
    public void Guide_EverySnippet_EqualsItsRegionInCode(string guide)
    {
        var path = Path.Combine(RepositoryFiles.Root, guide);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var regions = Regions();
        var problems = new List<string>();
        var updated = SnippetBlock().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (!regions.TryGetValue(name, out var code))
            {
                problems.Add($"snippet '{name}' has no '#region snippet: {name}' in {string.Join(", ", CodeFolders)}");
                return match.Value;
            }

            if (match.Groups["code"].Value != code)
            {
                problems.Add($"snippet '{name}' differs from its region in code:\n{code}");
            }

            return $"<!-- snippet: {name} -->\n```csharp\n{code}```";
        });

        if (problems.Count > 0 && RepositoryFiles.UpdateDocsRequested && updated != text)
        {
            File.WriteAllText(path, updated);
            return;
        }

        Assert.True(problems.Count == 0, $"{guide}:\n{string.Join("\n\n", problems)}\n\nRun the tests with CONNECT_SDK_UPDATE_DOCS=1 to copy the regions into the guide.");
    }

    [Fact]
    public void Regions_EverySnippetRegion_IsShownInAGuide()
    {
        var shown = GuideFiles()
            .SelectMany(f => SnippetBlock().Matches(File.ReadAllText(f).ReplaceLineEndings("\n")))
            .Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);

        var orphans = Regions().Keys.Where(name => !shown.Contains(name)).ToList();
        Assert.True(orphans.Count == 0, $"Snippet regions no guide shows: {string.Join(", ", orphans)}");
    }

    private static IEnumerable<string> GuideFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(RepositoryFiles.Root, "README.md"))
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "samples"), "README.md", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);

    /// <summary>Every <c>#region snippet: name</c> in code, its lines de-indented to the region's own indentation.</summary>
    private static Dictionary<string, string> Regions()
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = CodeFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            foreach (Match region in SnippetRegion().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")))
            {
                var indent = region.Groups["indent"].Value.Length;
                var lines = region.Groups["code"].Value.TrimEnd('\n').Split('\n')
                    .Select(l => l.Length >= indent && string.IsNullOrWhiteSpace(l[..indent]) ? l[indent..] : l.TrimStart());
                regions.Add(region.Groups["name"].Value, string.Join('\n', lines) + "\n");
            }
        }

        return regions;
    }

    [GeneratedRegex(@"<!-- snippet: (?<name>[\w.-]+) -->\n```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex SnippetBlock();

    [GeneratedRegex(@"^(?<indent>[ \t]*)#region snippet: (?<name>[\w.-]+)[ \t]*\n(?<code>.*?)^[ \t]*#endregion", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex SnippetRegion();
}
