namespace Connect.Sdk.Samples.Tests;

/// <summary>How one run of a sample ended and what it printed.</summary>
internal sealed record SampleRun(int ExitCode, bool Killed, IReadOnlyList<string> Output, string Errors)
{
    public override string ToString() =>
        $"exit code {ExitCode}{(Killed ? " (killed)" : string.Empty)}\n--- output ---\n{string.Join('\n', Output)}\n--- errors ---\n{Errors}";
}
