namespace Connect.Sdk.Http;

/// <summary>Stands in for pacing on a client without a rate limit, so the handler chain has the same shape either way.</summary>
internal sealed class PassThroughHandler : DelegatingHandler;
