using Connect.Sdk.Features;

namespace Connect.Sdk.Lifecycle;

/// <summary>
/// The one table that decides which sync work may run: for a connection's state, a feature's mode, the
/// import mode, the feature and the trigger, it answers "no, because …" or "yes, with this write scope".
/// The first matching row of <see cref="Rules"/> decides. <c>docs/lifecycle.md</c> shows the table as
/// <see cref="EnumerateAll"/> produces it, and a test keeps the two equal.
/// </summary>
public static class AllowedActions
{
    private static readonly bool[] OffThenOn = [false, true];

    /// <summary>The rows of the table, in the order they are tried.</summary>
    public static IReadOnlyList<AllowedActionRule> Rules { get; } =
    [
        AllowedActionRule.Refuse(
            1,
            "the feature is Off",
            s => s.FeatureMode == FeatureMode.Off,
            "refused: the feature is off",
            s => $"Feature {s.Feature} is off for this connection."),
        AllowedActionRule.Refuse(
            2,
            "trigger is Manual and the connection check has not passed",
            s => s.Trigger == SyncTrigger.Manual && !s.CheckPassed,
            "refused: run the connection check first",
            _ => "Run the connection check first."),
        AllowedActionRule.Refuse(
            3,
            "trigger is Scheduled or Event and productive mode is off",
            s => s.Trigger != SyncTrigger.Manual && !s.IsProductive,
            "refused: only manual runs from the journal",
            _ => "Productive mode is off: only manual runs from the journal."),
        AllowedActionRule.Refuse(
            4,
            "trigger is Scheduled or Event and the feature is in Test mode",
            s => s.Trigger != SyncTrigger.Manual && s.FeatureMode == FeatureMode.Test,
            "refused: the feature is not in integration mode",
            s => $"Feature {s.Feature} is not in integration mode."),
        AllowedActionRule.Refuse(
            5,
            "trigger is Scheduled, the feature is Orders and import mode is Manual",
            s => s.Trigger == SyncTrigger.Scheduled && s.Feature == FeatureKind.Orders && s.ImportMode == ImportMode.Manual,
            "refused: orders only on an explicit fetch",
            _ => "Import mode Manual: orders are imported only on an explicit fetch."),
        AllowedActionRule.Allow(
            6,
            "import mode is Demo and the feature writes to the marketplace (Stock, OrderStatus, Prices)",
            s => s.ImportMode == ImportMode.Demo && WritesToMarketplace(s.Feature),
            WriteScope.Suppressed),
        AllowedActionRule.Allow(
            7,
            "productive mode is off (test phase), or the feature is still in Test mode",
            s => !s.IsProductive || s.FeatureMode == FeatureMode.Test,
            WriteScope.RestrictedMapping),
        AllowedActionRule.Allow(
            8,
            "otherwise",
            _ => true,
            WriteScope.All),
    ];

    /// <summary>Decides whether work in a situation may run.</summary>
    /// <param name="situation">The situation.</param>
    /// <returns>The decision of the first matching row.</returns>
    public static ActionDecision Decide(ActionSituation situation) =>
        Rules.First(r => r.Matches(situation)).Decide(situation);

    /// <summary>Decides whether work for a connection's feature may run.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="feature">The feature.</param>
    /// <param name="trigger">What started the work.</param>
    /// <returns>The decision.</returns>
    public static ActionDecision Decide(Connection connection, FeatureKind feature, SyncTrigger trigger) =>
        Decide(ActionSituation.Of(connection, feature, trigger));

    /// <summary>
    /// Decides every combination of productive mode, check, feature mode, import mode, feature and trigger,
    /// in that order (false before true, enums in declaration order), for docs and tests.
    /// </summary>
    /// <returns>One decision per combination.</returns>
    public static IEnumerable<ActionDecision> EnumerateAll() =>
        from productive in OffThenOn
        from checkPassed in OffThenOn
        from featureMode in Enum.GetValues<FeatureMode>()
        from importMode in Enum.GetValues<ImportMode>()
        from feature in Enum.GetValues<FeatureKind>()
        from trigger in Enum.GetValues<SyncTrigger>()
        select Decide(new ActionSituation(productive, checkPassed, featureMode, importMode, feature, trigger));

    // Orders import reads from the marketplace and writes to the ERP, so Demo does not suppress it.
    private static bool WritesToMarketplace(FeatureKind feature) => feature != FeatureKind.Orders;
}
