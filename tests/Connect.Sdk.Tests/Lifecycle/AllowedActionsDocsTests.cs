using System.Globalization;
using System.Text;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Tests.Lifecycle;

/// <summary>
/// Keeps the allowed-actions tables in docs/lifecycle.md equal to what <see cref="AllowedActions"/> decides.
/// Set the environment variable CONNECT_SDK_UPDATE_DOCS=1 to have the test rewrite the sections instead.
/// </summary>
public sealed class AllowedActionsDocsTests
{
    private const string DocPath = "docs/lifecycle.md";

    [Fact]
    public void LifecycleDoc_RulesSection_EqualsTheRulesInCode() =>
        AssertSection("allowed-actions-rules", RenderRules());

    [Fact]
    public void LifecycleDoc_FullTableSection_EqualsEveryDecisionInCode() =>
        AssertSection("allowed-actions", RenderFullTable());

    internal static string RenderRules()
    {
        var md = new StringBuilder();
        md.AppendLine("| # | when | then |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var rule in AllowedActions.Rules)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {rule.Number} | {rule.When} | {rule.Outcome} |");
        }

        return md.ToString();
    }

    internal static string RenderFullTable()
    {
        var md = new StringBuilder();
        md.AppendLine("| productive | check passed | feature mode | import mode | feature | trigger | rule | decision |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var d in AllowedActions.EnumerateAll())
        {
            var s = d.Situation;
            var decision = d.IsAllowed ? $"**allowed**, {d.Scope}" : $"refused: {d.Reason}";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {(s.IsProductive ? "on" : "off")} | {(s.CheckPassed ? "yes" : "no")} | {s.FeatureMode} | {s.ImportMode} | {s.Feature} | {s.Trigger} | {d.Rule.Number} | {decision} |");
        }

        return md.ToString();
    }

    private static void AssertSection(string marker, string generated)
    {
        var path = Path.Combine(RepositoryFiles.Root, DocPath);
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var begin = $"<!-- {marker}:begin -->\n";
        var end = $"<!-- {marker}:end -->";
        var start = doc.IndexOf(begin, StringComparison.Ordinal);
        var stop = doc.IndexOf(end, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, $"{DocPath} has no section between '{begin.Trim()}' and '{end}'.");

        var documented = doc[(start + begin.Length)..stop];
        generated = generated.ReplaceLineEndings("\n");
        if (documented == generated)
        {
            return;
        }

        if (RepositoryFiles.UpdateDocsRequested)
        {
            File.WriteAllText(path, doc[..(start + begin.Length)] + generated + doc[stop..]);
            return;
        }

        Assert.Fail(
            $"The table between '{begin.Trim()}' and '{end}' in {DocPath} is out of date with AllowedActions. " +
            $"Paste the regenerated table below between the markers (or run the tests once with CONNECT_SDK_UPDATE_DOCS=1):\n\n{generated}");
    }
}
