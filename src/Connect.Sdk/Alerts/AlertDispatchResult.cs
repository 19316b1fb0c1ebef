using NodaTime;

namespace Connect.Sdk.Alerts;

/// <summary>What one <see cref="AlertDispatcher.DispatchDueAsync"/> call did, and when to call again.</summary>
/// <param name="Delivered">The notifications the alert sink took.</param>
/// <param name="Failures">The notifications the sink did not take; delivered on a later call.</param>
/// <param name="NextDueAt">
/// When the next hourly or daily subscription becomes due; <see langword="null"/> when there is none. Immediate
/// subscriptions, and retries after a failure, are due at every call.
/// </param>
public sealed record AlertDispatchResult(IReadOnlyList<AlertNotification> Delivered, IReadOnlyList<AlertDeliveryFailure> Failures, Instant? NextDueAt)
{
    /// <inheritdoc />
    public override string ToString() => $"{Delivered.Count} delivered, {Failures.Count} failed, next due {NextDueAt?.ToString() ?? "on new incidents"}";
}
