namespace Connect.Sdk.Alerts;

/// <summary>How often a subscription's alerts are delivered ("Häufigkeit der Benachrichtigung").</summary>
public enum AlertFrequency
{
    /// <summary>As soon as the host calls <see cref="AlertDispatcher.DispatchDueAsync"/> after an incident.</summary>
    Immediately,

    /// <summary>At most once an hour: the incidents of the past hour together.</summary>
    Hourly,

    /// <summary>Once a day at <see cref="AlertSubscription.DigestTime"/>: the incidents of the past day together.</summary>
    DailyDigest,
}
