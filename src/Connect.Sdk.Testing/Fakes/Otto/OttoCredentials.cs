namespace Connect.Sdk.Testing.Fakes.Otto;

/// <summary>The API client an OTTO Market fake accepts at <c>POST /v1/token</c>: its client id and client secret.</summary>
/// <param name="ClientId">The client id.</param>
/// <param name="ClientSecret">The client secret; the fake never logs it.</param>
public sealed record OttoCredentials(string ClientId, string ClientSecret)
{
    /// <inheritdoc />
    public override string ToString() => $"OttoCredentials {{ ClientId = {ClientId}, ClientSecret = *** }}";
}
