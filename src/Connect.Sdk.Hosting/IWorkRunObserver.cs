using Connect.Sdk.Sync;

namespace Connect.Sdk.Hosting;

/// <summary>
/// Told about every run the hosted scheduler finished, e.g. to count runs or show progress in the ERP. Register
/// any number in DI (<c>services.AddSingleton&lt;IWorkRunObserver, MyObserver&gt;()</c>). An observer that throws
/// is logged and does not stop the scheduler or the other observers.
/// </summary>
public interface IWorkRunObserver
{
    /// <summary>Called after a run ended with a result (completed, busy, refused or failed), before its slot is freed.</summary>
    /// <param name="result">How the run ended; its <see cref="WorkRunResult.ToString"/> is safe to log.</param>
    /// <param name="cancellationToken">Cancelled when the scheduler stops and the shutdown grace period is over.</param>
    /// <returns>A task that completes when the observer is done.</returns>
    ValueTask OnRunFinishedAsync(WorkRunResult result, CancellationToken cancellationToken);
}
