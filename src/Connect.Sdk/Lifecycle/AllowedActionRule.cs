namespace Connect.Sdk.Lifecycle;

/// <summary>
/// One row of the <see cref="AllowedActions"/> table: a condition in words, and what follows when it is
/// the first row that matches — a refusal with its reason, or permission with a write scope.
/// </summary>
public sealed class AllowedActionRule
{
    private readonly Func<ActionSituation, bool> _matches;
    private readonly Func<ActionSituation, string>? _reason;

    private AllowedActionRule(int number, string when, Func<ActionSituation, bool> matches, WriteScope? scope, string outcome, Func<ActionSituation, string>? reason)
    {
        Number = number;
        When = when;
        _matches = matches;
        Scope = scope;
        Outcome = outcome;
        _reason = reason;
    }

    /// <summary>The row's position in the table, from 1; the first matching row decides.</summary>
    public int Number { get; }

    /// <summary>The condition in words, as the docs show it.</summary>
    public string When { get; }

    /// <summary>Whether a matching situation may run.</summary>
    public bool Allows => _reason is null;

    /// <summary>The write scope of an allowed run; <see langword="null"/> for a refusing row.</summary>
    public WriteScope? Scope { get; }

    /// <summary>The outcome in words, as the docs show it, e.g. "refused: run the connection check first".</summary>
    public string Outcome { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Number}. {When} → {Outcome}";

    internal static AllowedActionRule Refuse(int number, string when, Func<ActionSituation, bool> matches, string outcome, Func<ActionSituation, string> reason) =>
        new(number, when, matches, null, outcome, reason);

    internal static AllowedActionRule Allow(int number, string when, Func<ActionSituation, bool> matches, WriteScope scope) =>
        new(number, when, matches, scope, $"allowed, write scope {scope}", null);

    internal bool Matches(ActionSituation situation) => _matches(situation);

    internal ActionDecision Decide(ActionSituation situation) => new(situation, this, Scope, _reason?.Invoke(situation));
}
