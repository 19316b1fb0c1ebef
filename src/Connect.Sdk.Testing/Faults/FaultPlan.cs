namespace Connect.Sdk.Testing.Faults;

/// <summary>
/// Decides, request by request, whether a fake marketplace misbehaves: scheduled faults ("the next two
/// order reads answer 503") first, then faults drawn with a probability from a seeded random sequence.
/// The same plan and the same requests inject the same faults, so a failing test replays exactly.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly List<(string? Operation, FaultKind Kind, int Remaining)> _scheduled = [];
    private readonly List<(string? Operation, FaultKind Kind, double Probability)> _randomFaults = [];
    private readonly List<InjectedFault> _injected = [];
    private int _requests;

    /// <summary>Creates a plan with no faults.</summary>
    /// <param name="seed">The seed of the random sequence behind <see cref="Randomly"/>; the same seed replays the same faults.</param>
    public FaultPlan(int seed = 0)
    {
        Seed = seed;
        _random = new Random(seed);
    }

    /// <summary>The seed of the random sequence; print it when a test fails so it can be replayed.</summary>
    public int Seed { get; }

    /// <summary>Every fault injected so far, in order.</summary>
    public IReadOnlyList<InjectedFault> Injected
    {
        get
        {
            lock (_gate)
            {
                return _injected.ToArray();
            }
        }
    }

    /// <summary>Injects a fault into the next matching requests.</summary>
    /// <param name="kind">The fault.</param>
    /// <param name="times">How many matching requests get it.</param>
    /// <param name="operation">Only requests of this operation (e.g. <c>orders.list</c>); <see langword="null"/> for any.</param>
    /// <returns>This plan, for chaining.</returns>
    public FaultPlan Next(FaultKind kind, int times = 1, string? operation = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _scheduled.Add((operation, kind, times));
        }

        return this;
    }

    /// <summary>Injects a fault into matching requests with a probability, drawn from the seeded sequence.</summary>
    /// <param name="kind">The fault.</param>
    /// <param name="probability">Between 0 and 1.</param>
    /// <param name="operation">Only requests of this operation; <see langword="null"/> for any.</param>
    /// <returns>This plan, for chaining.</returns>
    public FaultPlan Randomly(FaultKind kind, double probability, string? operation = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        lock (_gate)
        {
            _randomFaults.Add((operation, kind, probability));
        }

        return this;
    }

    /// <summary>Removes every scheduled and random fault; the record of injected faults stays.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _scheduled.Clear();
            _randomFaults.Clear();
        }
    }

    /// <summary>
    /// Called by a fake for every request: counts it and returns the fault to inject, if any. Exactly one
    /// random number is drawn per random rule that matches the operation, so the sequence depends only on
    /// the plan and the requests.
    /// </summary>
    /// <param name="operation">The marketplace operation of the request.</param>
    /// <returns>The fault, or <see langword="null"/> to answer normally.</returns>
    public FaultKind? Draw(string operation) => Draw(operation, operation);

    /// <summary>
    /// As <see cref="Draw(string)"/> for a request of a route that serves many operations (a GraphQL endpoint): a rule
    /// for the route's operation or for the request's own operation matches it, still with one draw per request.
    /// </summary>
    /// <param name="operation">The operation the request asks for, e.g. <c>graphql.orders</c>.</param>
    /// <param name="route">The route's operation, e.g. <c>graphql</c>.</param>
    /// <returns>The fault, or <see langword="null"/> to answer normally.</returns>
    public FaultKind? Draw(string operation, string route)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentException.ThrowIfNullOrWhiteSpace(route);
        lock (_gate)
        {
            _requests++;
            var index = _scheduled.FindIndex(s => s.Operation is null || s.Operation == operation || s.Operation == route);
            if (index >= 0)
            {
                var (op, kind, remaining) = _scheduled[index];
                if (remaining == 1)
                {
                    _scheduled.RemoveAt(index);
                }
                else
                {
                    _scheduled[index] = (op, kind, remaining - 1);
                }

                return Record(operation, kind);
            }

            FaultKind? drawn = null;
            foreach (var (op, kind, probability) in _randomFaults)
            {
                if ((op is null || op == operation || op == route) && _random.NextDouble() < probability && drawn is null)
                {
                    drawn = kind;
                }
            }

            return drawn is { } fault ? Record(operation, fault) : null;
        }
    }

    private FaultKind Record(string operation, FaultKind kind)
    {
        _injected.Add(new InjectedFault(_requests, operation, kind));
        return kind;
    }
}
