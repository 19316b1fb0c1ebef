namespace Connect.Sdk.Samples.Tests.ErpHost;

/// <summary>How one run of the ErpHost sample ended and what it printed.</summary>
internal sealed record ErpHostRun(int ExitCode, bool Killed, IReadOnlyList<string> Output, string Errors)
{
    public override string ToString() =>
        $"exit code {ExitCode}{(Killed ? " (killed)" : string.Empty)}\n--- output ---\n{string.Join('\n', Output)}\n--- errors ---\n{Errors}";
}
