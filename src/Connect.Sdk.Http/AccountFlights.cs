using Connect.Sdk.RateLimits;
using NodaTime;

namespace Connect.Sdk.Http;

/// <summary>
/// An account's units in flight as one process reads them from the store: its own, which it alone knows exactly; the
/// other processes' flights whose leases still run; and units of no process (from a store that keeps no flights, or
/// from before they were kept). A flight whose lease ran out is dropped: its process stopped between a send and its
/// answer, and no answer of it can still come.
/// </summary>
/// <remarks>
/// A process's own units are its own count, not what the store says: that is what it booked and has not seen answered,
/// also when its flight was dropped while it lived (its answers' writes failed for longer than the lease), in which case
/// the next write books them again. So answers of this process only ever take away its own units.
/// </remarks>
internal sealed record AccountFlights(IReadOnlyList<AccountFlights.Other> Others, double Unowned, double Mine)
{
    /// <summary>Every unit in flight on the account.</summary>
    public double Units => Others.Sum(static other => other.Units) + Unowned + Mine;

    /// <summary>
    /// Reads the flights of <paramref name="state"/> at <paramref name="now"/> for the process <paramref name="owner"/>,
    /// whose own units in flight are <paramref name="mine"/>. Where the store keeps no flights, every unit is of no
    /// process (this one's included), forgotten once the account has been quiet for <paramref name="longestFlight"/>.
    /// </summary>
    public static AccountFlights Read(RateBudgetState? state, string owner, double mine, bool kept, long now, TimeSpan longestFlight)
    {
        if (state is null)
        {
            return new([], 0, kept ? mine : 0);
        }

        var refill = state.RefillPerUnit.TotalNanoseconds;
        var unownedNanos = state.InFlightRefill.TotalNanoseconds - state.Flights.Sum(static flight => flight.Refill.TotalNanoseconds);
        var unowned = unownedNanos > 0 && now - state.FullAt.ToUnixTimeTicks() <= longestFlight.Ticks ? UnitsOf(unownedNanos, refill) : 0;
        if (!kept)
        {
            return new([], unowned, 0);
        }

        List<Other> others = [];
        foreach (var flight in state.Flights)
        {
            if (flight.Owner != owner && flight.Until.ToUnixTimeTicks() >= now)
            {
                others.Add(new(flight.Owner, UnitsOf(flight.Refill.TotalNanoseconds, refill), flight.Until));
            }
        }

        return new(others, unowned, mine);
    }

    /// <summary>
    /// The flights after this process's bookings and answers changed the account's units in flight by
    /// <paramref name="change"/>: its own units where the store keeps flights, else the units of no process.
    /// </summary>
    public AccountFlights Changed(double change, bool kept) =>
        kept ? this with { Mine = Rounded(Math.Max(0, Mine + change)) } : this with { Unowned = Rounded(Math.Max(0, Unowned + change)) };

    /// <summary>
    /// The flights to write at a rate of <paramref name="refillPerUnit"/>: the others' as they are, this process's own
    /// (if it has any) under <paramref name="owner"/> with a lease until <paramref name="until"/>; and the total refill.
    /// </summary>
    public (IReadOnlyList<RateBudgetFlight> Flights, Duration InFlightRefill) ToStored(string owner, Instant until, Duration refillPerUnit)
    {
        var flights = Others.Select(other => new RateBudgetFlight(other.Owner, RefillOf(other.Units, refillPerUnit), other.Until)).ToList();
        if (Mine > 0)
        {
            flights.Add(new(owner, RefillOf(Mine, refillPerUnit), until));
        }

        var total = flights.Aggregate(RefillOf(Unowned, refillPerUnit), static (sum, flight) => sum + flight.Refill);
        return (flights, total);
    }

    // Rounded back to a millionth of a unit, so that 40 units in flight of a 40-unit bucket do not come back as a hair
    // more than its capacity.
    private static double UnitsOf(double refillNanos, double refillPerUnitNanos) => Rounded(refillNanos / refillPerUnitNanos);

    private static double Rounded(double units) => Math.Round(units, 6);

    private static Duration RefillOf(double units, Duration refillPerUnit) => Duration.FromNanoseconds(Math.Round(units * refillPerUnit.TotalNanoseconds));

    /// <summary>Another process's units in flight and the end of its lease.</summary>
    public sealed record Other(string Owner, double Units, Instant Until);
}
