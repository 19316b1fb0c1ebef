using System.Diagnostics.CodeAnalysis;

namespace Connect.Sdk.Lifecycle;

/// <summary>
/// Whether a piece of sync work may run, and if so what it may change on the marketplace; if not, why.
/// Made by <see cref="AllowedActions"/>.
/// </summary>
public sealed record ActionDecision
{
    internal ActionDecision(ActionSituation situation, AllowedActionRule rule, WriteScope? scope, string? reason)
    {
        Situation = situation;
        Rule = rule;
        Scope = scope;
        Reason = reason;
    }

    /// <summary>The situation decided on.</summary>
    public ActionSituation Situation { get; }

    /// <summary>The table row that decided.</summary>
    public AllowedActionRule Rule { get; }

    /// <summary>Whether the work may run.</summary>
    [MemberNotNullWhen(true, nameof(Scope))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsAllowed => Reason is null;

    /// <summary>What the work may change on the marketplace; <see langword="null"/> when refused.</summary>
    public WriteScope? Scope { get; }

    /// <summary>Why the work may not run, in words for the journal; <see langword="null"/> when allowed.</summary>
    public string? Reason { get; }

    /// <inheritdoc />
    public override string ToString() => IsAllowed ? $"allowed ({Scope})" : $"refused: {Reason}";
}
