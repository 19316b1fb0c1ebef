namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// Marks a request parked just before the SDK's pacing handler waits for the rate budget, and running once the budget
/// let it go, just inside it: <see cref="Around"/> puts one on each side.
/// </summary>
internal sealed class PacingBoundaryHandler : DelegatingHandler
{
    // The SDK's handler is internal; the tests find it by name and fail loudly if the chain no longer has it.
    private const string PacingHandlerName = "PacingHandler";

    private readonly RequestFlows _flows;
    private readonly bool _entering;

    private PacingBoundaryHandler(RequestFlows flows, bool entering)
    {
        _flows = flows;
        _entering = entering;
    }

    /// <summary>Puts a boundary on each side of the pacing handler in a client's additional handlers.</summary>
    public static void Around(IList<DelegatingHandler> handlers, RequestFlows flows)
    {
        var pacing = handlers.Select((h, i) => (h, i)).Single(x => x.h.GetType().Name == PacingHandlerName).i;
        handlers.Insert(pacing + 1, new PacingBoundaryHandler(flows, entering: false));
        handlers.Insert(pacing, new PacingBoundaryHandler(flows, entering: true));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_entering)
        {
            _flows.Parked();
        }
        else
        {
            _flows.Running();
        }

        return base.SendAsync(request, cancellationToken);
    }
}
