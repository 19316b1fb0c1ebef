namespace Connect.Sdk.Testing.Tests.Conformance.InProcess;

/// <summary>A call to the in-process marketplace that failed with an error status.</summary>
internal sealed class MarketplaceCallException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
