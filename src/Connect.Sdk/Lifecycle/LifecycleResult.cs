using System.Diagnostics.CodeAnalysis;

namespace Connect.Sdk.Lifecycle;

/// <summary>
/// The outcome of a lifecycle change: the new state and the transitions recorded, or a refusal with
/// every reason that applies. A refusal is an expected outcome, not an error.
/// </summary>
public sealed class LifecycleResult
{
    private LifecycleResult(bool succeeded, Connection? connection, IReadOnlyList<LifecycleTransition> transitions, IReadOnlyList<RefusalReason> reasons)
    {
        Succeeded = succeeded;
        Connection = connection;
        Transitions = transitions;
        Reasons = reasons;
    }

    /// <summary>Whether the change was applied (or there was nothing to change).</summary>
    [MemberNotNullWhen(true, nameof(Connection))]
    public bool Succeeded { get; }

    /// <summary>
    /// The connection after the change; on a refusal, the unchanged connection, or <see langword="null"/>
    /// when it does not exist.
    /// </summary>
    public Connection? Connection { get; }

    /// <summary>The transitions recorded, oldest first; empty on a refusal or when nothing changed.</summary>
    public IReadOnlyList<LifecycleTransition> Transitions { get; }

    /// <summary>Why the change was refused, every reason that applies; empty on success.</summary>
    public IReadOnlyList<RefusalReason> Reasons { get; }

    /// <summary>Whether a refusal has a reason with the given code.</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> when one of <see cref="Reasons"/> has it.</returns>
    public bool HasReason(RefusalCode code) => Reasons.Any(r => r.Code == code);

    /// <inheritdoc />
    public override string ToString() => Succeeded
        ? $"Succeeded ({Transitions.Count} transition(s)): {Connection}"
        : $"Refused: {string.Join("; ", Reasons)}";

    internal static LifecycleResult Success(Connection connection, IReadOnlyList<LifecycleTransition> transitions)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new(true, connection, transitions, []);
    }

    internal static LifecycleResult Unchanged(Connection connection) => Success(connection, []);

    internal static LifecycleResult Refused(Connection? current, IReadOnlyList<RefusalReason> reasons)
    {
        if (reasons.Count == 0)
        {
            throw new ArgumentException("A refusal needs at least one reason.", nameof(reasons));
        }

        return new(false, current, [], reasons);
    }

    internal static LifecycleResult Refused(Connection? current, RefusalReason reason) => Refused(current, [reason]);

    internal LifecycleResult WithStored(Connection stored) => new(Succeeded, stored, Transitions, Reasons);
}
