namespace Connect.Sdk.TestSupport;

/// <summary>
/// A soak: thousands of records through a fake marketplace with faults, minutes of real time. Outside the default run,
/// it is skipped unless <c>CONNECT_SDK_SOAK=1</c>; run it with
/// <c>CONNECT_SDK_SOAK=1 dotnet test tests/Connect.Sdk.Amazon.Tests --filter "Category=Soak"</c> (docs/testing.md).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class SoakFactAttribute : FactAttribute
{
    /// <summary>The environment variable that lets soaks run.</summary>
    public const string Switch = "CONNECT_SDK_SOAK";

    /// <summary>Skips the soak unless <see cref="Switch"/> is set to 1.</summary>
    public SoakFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Switch) != "1")
        {
            Skip = $"A soak: set {Switch}=1 to run it (docs/testing.md).";
        }
    }
}
