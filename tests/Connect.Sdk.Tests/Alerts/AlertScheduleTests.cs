using Connect.Sdk.Alerts;
using NodaTime;

namespace Connect.Sdk.Tests.Alerts;

public sealed class AlertScheduleTests
{
    private static readonly Instant Nine = Instant.FromUtc(2026, 11, 23, 9, 0);

    [Fact]
    public void NextDueAt_HourlyServedLate_KeepsTheSlotsMinute()
    {
        var hourly = AlertTestKit.Subscription("s1", AlertFrequency.Hourly);

        Assert.Equal(Nine + Duration.FromHours(1), AlertSchedule.NextDueAt(hourly, Nine, Nine + Duration.FromMinutes(7)));
        Assert.Equal(Nine + Duration.FromHours(4), AlertSchedule.NextDueAt(hourly, Nine, Nine + Duration.FromHours(3) + Duration.FromMinutes(7)));
    }

    [Fact]
    public void FirstDueAt_DigestTimeInADaylightSavingGap_MovesForwardInsteadOfSkippingTheDay()
    {
        // 29 March 2026, Europe/Berlin: clocks jump from 02:00 to 03:00.
        var digest = AlertTestKit.Subscription("s1", AlertFrequency.DailyDigest) with
        {
            DigestTime = new LocalTime(2, 30),
            DigestTimeZone = DateTimeZoneProviders.Tzdb["Europe/Berlin"],
        };

        var due = AlertSchedule.FirstDueAt(digest, Instant.FromUtc(2026, 3, 28, 12, 0));

        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 30), due);
    }

    [Fact]
    public void FirstDueAt_DigestTimeAlreadyPassedToday_IsTomorrow()
    {
        var digest = AlertTestKit.Subscription("s1", AlertFrequency.DailyDigest) with { DigestTime = new LocalTime(8, 0) };

        Assert.Equal(Instant.FromUtc(2026, 11, 24, 8, 0), AlertSchedule.FirstDueAt(digest, Nine));
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 8, 0), AlertSchedule.FirstDueAt(digest, Nine - Duration.FromHours(2)));
    }
}
