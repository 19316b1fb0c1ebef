using Connect.Sdk.Features;
using Connect.Sdk.Lifecycle;
using static Connect.Sdk.Tests.Lifecycle.LifecycleFixtures;

namespace Connect.Sdk.Tests.Lifecycle;

public sealed class AllowedActionsTests
{
    private const FeatureKind Stock = FeatureKind.Stock;
    private const FeatureKind Orders = FeatureKind.Orders;
    private const FeatureKind Status = FeatureKind.OrderStatus;
    private const FeatureKind Prices = FeatureKind.Prices;
    private const FeatureMode Off = FeatureMode.Off;
    private const FeatureMode Test = FeatureMode.Test;
    private const FeatureMode Integration = FeatureMode.Integration;
    private const ImportMode Demo = ImportMode.Demo;
    private const ImportMode Manual = ImportMode.Manual;
    private const ImportMode Automatic = ImportMode.Automatic;
    private const SyncTrigger Scheduled = SyncTrigger.Scheduled;
    private const SyncTrigger ByUser = SyncTrigger.Manual;
    private const SyncTrigger Event = SyncTrigger.Event;

    // Expected outcomes written out by hand from DESIGN.md: "All", "RestrictedMapping", "Suppressed", or the refusal message.
    [Theory]
    [InlineData(true, true, Off, Automatic, Stock, Event, "Feature Stock is off for this connection.")]
    [InlineData(false, false, Off, Demo, Orders, ByUser, "Feature Orders is off for this connection.")]
    [InlineData(true, true, Off, Automatic, Prices, Scheduled, "Feature Prices is off for this connection.")]
    [InlineData(false, false, Test, Demo, Stock, ByUser, "Run the connection check first.")]
    [InlineData(true, false, Integration, Automatic, Orders, ByUser, "Run the connection check first.")]
    [InlineData(false, true, Integration, Automatic, Stock, Scheduled, "Productive mode is off: only manual runs from the journal.")]
    [InlineData(false, true, Integration, Automatic, Status, Event, "Productive mode is off: only manual runs from the journal.")]
    [InlineData(false, false, Test, Manual, Orders, Scheduled, "Productive mode is off: only manual runs from the journal.")]
    [InlineData(true, true, Test, Automatic, Stock, Event, "Feature Stock is not in integration mode.")]
    [InlineData(true, true, Test, Automatic, Orders, Scheduled, "Feature Orders is not in integration mode.")]
    [InlineData(true, false, Test, Demo, Prices, Scheduled, "Feature Prices is not in integration mode.")]
    [InlineData(true, true, Integration, Manual, Orders, Scheduled, "Import mode Manual: orders are imported only on an explicit fetch.")]
    [InlineData(true, false, Integration, Manual, Orders, Scheduled, "Import mode Manual: orders are imported only on an explicit fetch.")]
    [InlineData(true, true, Integration, Manual, Orders, ByUser, "All")]
    [InlineData(true, true, Integration, Manual, Orders, Event, "All")]
    [InlineData(true, true, Integration, Manual, Stock, Scheduled, "All")]
    [InlineData(true, true, Integration, Automatic, Orders, Scheduled, "All")]
    [InlineData(true, true, Integration, Automatic, Stock, Event, "All")]
    [InlineData(true, true, Integration, Automatic, Prices, Scheduled, "All")]
    [InlineData(true, true, Test, Automatic, Status, ByUser, "RestrictedMapping")]
    [InlineData(true, false, Integration, Automatic, Stock, Scheduled, "All")]
    [InlineData(true, false, Integration, Automatic, Status, Event, "All")]
    [InlineData(true, true, Integration, Demo, Orders, Scheduled, "All")]
    [InlineData(true, true, Integration, Demo, Stock, Event, "Suppressed")]
    [InlineData(true, true, Integration, Demo, Status, Scheduled, "Suppressed")]
    [InlineData(true, true, Integration, Demo, Prices, ByUser, "Suppressed")]
    [InlineData(false, true, Test, Demo, Stock, ByUser, "Suppressed")]
    [InlineData(false, true, Test, Demo, Orders, ByUser, "RestrictedMapping")]
    [InlineData(false, true, Integration, Automatic, Stock, ByUser, "RestrictedMapping")]
    [InlineData(false, true, Test, Manual, Prices, ByUser, "RestrictedMapping")]
    [InlineData(false, true, Integration, Manual, Orders, ByUser, "RestrictedMapping")]
    public void Decide_Situation_GivesExpectedOutcome(bool productive, bool checkPassed, FeatureMode mode, ImportMode import, FeatureKind feature, SyncTrigger trigger, string expected)
    {
        var decision = AllowedActions.Decide(new ActionSituation(productive, checkPassed, mode, import, feature, trigger));

        Assert.Equal(expected, decision.IsAllowed ? decision.Scope.ToString() : decision.Reason);
        Assert.Equal(decision.IsAllowed, decision.Reason is null);
    }

    [Fact]
    public void EnumerateAll_EveryCombination_MatchesTheRulesAsWritten()
    {
        var all = AllowedActions.EnumerateAll().ToList();

        Assert.Equal(2 * 2 * 3 * 3 * 4 * 3, all.Count);
        Assert.Equal(all.Count, all.Select(d => d.Situation).Distinct().Count());
        Assert.All(all, d => Assert.Equal(Expected(d.Situation), d.IsAllowed ? d.Scope.ToString()! : d.Reason!));
    }

    [Fact]
    public void Rules_EveryRow_DecidesSomeCombination()
    {
        var used = AllowedActions.EnumerateAll().Select(d => d.Rule.Number).ToHashSet();

        Assert.Equal(Enumerable.Range(1, AllowedActions.Rules.Count), AllowedActions.Rules.Select(r => r.Number));
        Assert.Equal(AllowedActions.Rules.Select(r => r.Number), used.Order());
    }

    [Fact]
    public void Decide_Connection_UsesItsStateAndTheFeaturesMode()
    {
        var connection = With((Stock, Integration), (Orders, Test)) with { IsProductive = true, ImportMode = Automatic };

        Assert.Equal(WriteScope.All, AllowedActions.Decide(connection, Stock, Scheduled).Scope);
        Assert.Equal("Feature Orders is not in integration mode.", AllowedActions.Decide(connection, Orders, Scheduled).Reason);
        Assert.Equal("Feature Prices is off for this connection.", AllowedActions.Decide(connection, Prices, ByUser).Reason);
    }

    // A second reading of the rules, structured by trigger rather than as a first-match list, so the
    // table is checked against something other than itself.
    private static string Expected(ActionSituation s)
    {
        if (s.FeatureMode == Off)
        {
            return $"Feature {s.Feature} is off for this connection.";
        }

        if (s.Trigger == ByUser)
        {
            if (!s.CheckPassed)
            {
                return "Run the connection check first.";
            }
        }
        else
        {
            if (!s.IsProductive)
            {
                return "Productive mode is off: only manual runs from the journal.";
            }

            if (s.FeatureMode != Integration)
            {
                return $"Feature {s.Feature} is not in integration mode.";
            }

            if (s.Trigger == Scheduled && s.Feature == Orders && s.ImportMode == Manual)
            {
                return "Import mode Manual: orders are imported only on an explicit fetch.";
            }
        }

        var writesToMarketplace = s.Feature is Stock or Status or Prices;
        if (s.ImportMode == Demo && writesToMarketplace)
        {
            return "Suppressed";
        }

        return s.IsProductive && s.FeatureMode != FeatureMode.Test ? "All" : "RestrictedMapping";
    }
}
