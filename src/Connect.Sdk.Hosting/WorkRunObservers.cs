using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Hosting;

/// <summary>Tells every registered <see cref="IWorkRunObserver"/> about a finished run; one that throws is logged and skipped.</summary>
internal sealed class WorkRunObservers(IEnumerable<IWorkRunObserver> observers, ILogger logger)
{
    private readonly IWorkRunObserver[] _observers = [.. observers];

    public async Task NotifyAsync(WorkRunResult result, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnRunFinishedAsync(result, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Caught whatever it is (also a cancellation): an observer is the host's code and must not end the loop.
                logger.ObserverThrew(ex, observer.GetType().Name, result);
            }
        }
    }
}
