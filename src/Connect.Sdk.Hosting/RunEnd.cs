namespace Connect.Sdk.Hosting;

/// <summary>Names of how a run ended when the engine gave no result, as logged and tagged on metrics.</summary>
internal static class RunEnd
{
    /// <summary>The run was cancelled because the scheduler stopped and the grace period was over.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>The engine threw instead of returning a result (broken infrastructure or a bug).</summary>
    public const string Error = "Error";
}
