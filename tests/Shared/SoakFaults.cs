using Connect.Sdk.Testing.Faults;

namespace Connect.Sdk.TestSupport;

/// <summary>The fault mix of the soaks: every kind the fault plan has, together on a given share of the requests.</summary>
internal static class SoakFaults
{
    /// <summary>
    /// Adds faults to a plan so that each request gets one with <paramref name="share"/> probability, every kind equally
    /// likely. The plan draws once per kind and keeps the first hit, so each kind gets <c>1 − (1 − share)^(1/kinds)</c>.
    /// A soak adds them once the connection is productive, so that its check and setup see none.
    /// </summary>
    /// <param name="plan">The plan (seeded: the same seed and requests replay the same faults).</param>
    /// <param name="share">The share of requests with a fault, e.g. 0.2.</param>
    /// <param name="operation">Only requests of this operation; <see langword="null"/> for every request.</param>
    /// <returns>The plan.</returns>
    public static FaultPlan WithEveryKind(this FaultPlan plan, double share, string? operation = null)
    {
        var kinds = Enum.GetValues<FaultKind>();
        var each = 1 - Math.Pow(1 - share, 1.0 / kinds.Length);
        foreach (var kind in kinds)
        {
            plan.Randomly(kind, each, operation);
        }

        return plan;
    }

    /// <summary>The injected faults counted by kind, e.g. <c>ServerError 301, Timeout 298, …</c>.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The tally.</returns>
    public static string Tally(FaultPlan plan) =>
        string.Join(", ", plan.Injected.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
}
