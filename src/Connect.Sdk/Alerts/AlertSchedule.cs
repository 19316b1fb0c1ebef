using NodaTime;

namespace Connect.Sdk.Alerts;

/// <summary>When a subscription is due: immediate ones always, hourly ones an hour after the last slot, digests at their time of day.</summary>
internal static class AlertSchedule
{
    private static readonly Duration Hour = Duration.FromHours(1);

    /// <summary>The delivery state of a subscription created now: nothing before now is reported.</summary>
    public static AlertDeliveryState Initial(AlertSubscription subscription, Instant now) => new()
    {
        SubscriptionId = subscription.Id,
        SubscribedAt = now,
        EvaluatedUntil = now,
        NextDueAt = FirstDueAt(subscription, now),
    };

    /// <summary>When a subscription created (or rescheduled) now is first due.</summary>
    public static Instant FirstDueAt(AlertSubscription subscription, Instant now) => subscription.Frequency switch
    {
        AlertFrequency.Hourly => now + Hour,
        AlertFrequency.DailyDigest => NextDigestAfter(subscription, now),
        _ => now,
    };

    /// <summary>
    /// When a subscription is due after the slot <paramref name="due"/> was served at <paramref name="now"/>. Hourly
    /// slots keep their minute (no drift when the host calls late), and slots missed while the host was down are
    /// not caught up one by one: their incidents all go into the next notification.
    /// </summary>
    public static Instant NextDueAt(AlertSubscription subscription, Instant due, Instant now)
    {
        switch (subscription.Frequency)
        {
            case AlertFrequency.Hourly:
                var missed = Math.Max(0L, (now - due).BclCompatibleTicks / Hour.BclCompatibleTicks);
                return due + (Hour * (missed + 1));
            case AlertFrequency.DailyDigest:
                return NextDigestAfter(subscription, now);
            default:
                return now;
        }
    }

    /// <summary>Whether the schedule of a subscription changed, so its next due instant must be worked out afresh.</summary>
    public static bool Changed(AlertSubscription before, AlertSubscription after) =>
        before.Frequency != after.Frequency
        || (after.Frequency == AlertFrequency.DailyDigest && (before.DigestTime != after.DigestTime || !before.DigestTimeZone.Equals(after.DigestTimeZone)));

    private static Instant NextDigestAfter(AlertSubscription subscription, Instant now)
    {
        var zone = subscription.DigestTimeZone;
        var today = now.InZone(zone).Date;

        // Leniently: a digest time that falls into a daylight-saving gap moves forward instead of being skipped.
        var candidate = zone.AtLeniently(today + subscription.DigestTime).ToInstant();
        return candidate > now ? candidate : zone.AtLeniently(today.PlusDays(1) + subscription.DigestTime).ToInstant();
    }
}
