using System.Text.RegularExpressions;

namespace Connect.Sdk.Parity.Tests.Node;

/// <summary>What one parity script printed, and how it ended.</summary>
/// <param name="Script">The script, relative to <c>tests/parity</c>.</param>
/// <param name="ExitCode">The process's exit code: 0 when every check passed.</param>
/// <param name="Output">Everything it printed, standard error after standard output.</param>
public sealed partial record NodeRun(string Script, int ExitCode, string Output)
{
    /// <summary>The runner's last line, e.g. <c>amazon-sp-api 1.2.1: 12 passed, 0 failed</c>; null if it never got there.</summary>
    public string? Summary => SummaryLine().Matches(Output).LastOrDefault()?.Value.Trim();

    /// <summary>How many checks passed, from <see cref="Summary"/>.</summary>
    public int Passed => Count("passed");

    /// <summary>How many checks failed, from <see cref="Summary"/>.</summary>
    public int Failed => Count("failed");

    private int Count(string what) =>
        Summary is { } summary && Regex.Match(summary, $@"(\d+) {what}") is { Success: true } match
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    [GeneratedRegex(@"^.+: \d+ passed, \d+ failed\s*$", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}
