using System.Diagnostics.CodeAnalysis;
#if XUNIT_V3
using Connect.Sdk.Testing.Stores;
#endif
using Xunit;

// The store contract kit's xUnit shells, one thin class per store interface that makes each framework-free check of its
// ...Checks class a test. One source, two shells: compiled into Connect.Sdk.Testing for xUnit v2 and into
// Connect.Sdk.Testing.XunitV3 for xUnit v3, so the two always run the same checks.
#if XUNIT_V3
namespace Connect.Sdk.Testing.XunitV3.Stores;
#else
namespace Connect.Sdk.Testing.Stores;
#endif

/// <summary>
/// The checks of <see cref="AlertSubscriptionStoreChecks"/> as xUnit tests: derive a test class from it and supply a fresh,
/// empty store. This class in <c>Connect.Sdk.Testing.Stores</c> is for xUnit v2, its namesake in
/// <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class AlertSubscriptionStoreContract : AlertSubscriptionStoreChecks
{
    /// <inheritdoc />
    [Fact]
    public override Task Get_UnknownId_ReturnsNull() => base.Get_UnknownId_ReturnsNull();

    /// <inheritdoc />
    [Fact]
    public override Task Save_AddAndReplace_ListsOnePerIdInIdOrder() => base.Save_AddAndReplace_ListsOnePerIdInIdOrder();

    /// <inheritdoc />
    [Fact]
    public override Task TrySaveState_StaleVersion_ReturnsNullAndKeepsTheStoredState() => base.TrySaveState_StaleVersion_ReturnsNullAndKeepsTheStoredState();

    /// <inheritdoc />
    [Fact]
    public override Task TrySaveState_NoSubscription_ReturnsNull() => base.TrySaveState_NoSubscription_ReturnsNull();

    /// <inheritdoc />
    [Fact]
    public override Task Save_Replace_KeepsTheDeliveryState() => base.Save_Replace_KeepsTheDeliveryState();

    /// <inheritdoc />
    [Fact]
    public override Task Delete_Subscription_RemovesItAndItsStateOnce() => base.Delete_Subscription_RemovesItAndItsStateOnce();

    /// <inheritdoc />
    [Fact]
    public override Task TrySaveState_TwoInstancesRacingOnOneVersion_ExactlyOneWins() => base.TrySaveState_TwoInstancesRacingOnOneVersion_ExactlyOneWins();
}

/// <summary>
/// The checks of <see cref="ConnectionStoreChecks"/> as xUnit tests: derive a test class from it and supply a fresh,
/// empty store. This class in <c>Connect.Sdk.Testing.Stores</c> is for xUnit v2, its namesake in
/// <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class ConnectionStoreContract : ConnectionStoreChecks
{
    /// <inheritdoc />
    [Fact]
    public override Task Get_UnknownConnection_ReturnsNullAndAnEmptyHistory() => base.Get_UnknownConnection_ReturnsNullAndAnEmptyHistory();

    /// <inheritdoc />
    [Fact]
    public override Task TryCreate_NewConnection_StoresItWithItsHistory() => base.TryCreate_NewConnection_StoresItWithItsHistory();

    /// <inheritdoc />
    [Fact]
    public override Task TryCreate_ExistingId_ReturnsNullAndChangesNothing() => base.TryCreate_ExistingId_ReturnsNullAndChangesNothing();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_CurrentVersion_VersionGrowsAndHistoryIsAppended() => base.TrySave_CurrentVersion_VersionGrowsAndHistoryIsAppended();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_StaleVersion_ReturnsNullAndChangesNeitherConnectionNorHistory() => base.TrySave_StaleVersion_ReturnsNullAndChangesNeitherConnectionNorHistory();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_UnknownConnection_ReturnsNullAndCreatesNothing() => base.TrySave_UnknownConnection_ReturnsNullAndCreatesNothing();

    /// <inheritdoc />
    [Fact]
    public override Task List_SeveralConnections_ReturnsThemInIdOrder() => base.List_SeveralConnections_ReturnsThemInIdOrder();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_TwoInstancesRacingOnOneVersion_ExactlyOneWinsWithItsHistory() => base.TrySave_TwoInstancesRacingOnOneVersion_ExactlyOneWinsWithItsHistory();
}

/// <summary>
/// The checks of <see cref="ForeignNumberStoreChecks"/> as xUnit tests: derive a test class from it and supply a fresh,
/// empty store. This class in <c>Connect.Sdk.Testing.Stores</c> is for xUnit v2, its namesake in
/// <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class ForeignNumberStoreContract : ForeignNumberStoreChecks
{
    /// <inheritdoc />
    [Fact]
    public override Task Find_EmptyStore_FindsNothing() => base.Find_EmptyStore_FindsNothing();

    /// <inheritdoc />
    [Fact]
    public override Task Upsert_NewMapping_IsFoundBothWays() => base.Upsert_NewMapping_IsFoundBothWays();

    /// <inheritdoc />
    [Fact]
    public override Task Upsert_ValueDifferingInCase_IsAnotherForeignNumber() => base.Upsert_ValueDifferingInCase_IsAnotherForeignNumber();

    /// <inheritdoc />
    [Fact]
    public override Task Upsert_NewValueForALabel_ReplacesAndFreesTheOldValue() => base.Upsert_NewValueForALabel_ReplacesAndFreesTheOldValue();

    /// <inheritdoc />
    [Fact]
    public override Task Upsert_ConflictWithAStoredMapping_ReturnsItAndWritesNothing() => base.Upsert_ConflictWithAStoredMapping_ReturnsItAndWritesNothing();

    /// <inheritdoc />
    [Fact]
    public override Task Upsert_ConflictWithinTheBatch_ReturnsBothAndWritesNothing() => base.Upsert_ConflictWithinTheBatch_ReturnsBothAndWritesNothing();

    /// <inheritdoc />
    [Fact]
    public override Task Upsert_SwapInOneBatch_IsWritten() => base.Upsert_SwapInOneBatch_IsWritten();

    /// <inheritdoc />
    [Fact]
    public override Task Upsert_SameValueOnAnotherConnectionOrLabel_IsNoConflict() => base.Upsert_SameValueOnAnotherConnectionOrLabel_IsNoConflict();

    /// <inheritdoc />
    [Fact]
    public override Task List_SeveralMappings_ComeInTheDocumentedOrder() => base.List_SeveralMappings_ComeInTheDocumentedOrder();

    /// <inheritdoc />
    [Fact]
    public override Task Remove_StoredLabel_RemovesItOnce() => base.Remove_StoredLabel_RemovesItOnce();

    /// <inheritdoc />
    [Fact]
    public override Task RestrictedMapping_SetAndGet_IsKeptPerConnection() => base.RestrictedMapping_SetAndGet_IsKeptPerConnection();

    /// <inheritdoc />
    [Fact]
    public override Task Upsert_TwoInstancesRacingForOneForeignNumber_ExactlyOneWins() => base.Upsert_TwoInstancesRacingForOneForeignNumber_ExactlyOneWins();
}

/// <summary>
/// The checks of <see cref="ImportedOrderLedgerChecks"/> as xUnit tests: derive a test class from it and supply a fresh,
/// empty store. This class in <c>Connect.Sdk.Testing.Stores</c> is for xUnit v2, its namesake in
/// <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class ImportedOrderLedgerContract : ImportedOrderLedgerChecks
{
    /// <inheritdoc />
    [Fact]
    public override Task Find_NeverImported_ReturnsNull() => base.Find_NeverImported_ReturnsNull();

    /// <inheritdoc />
    [Fact]
    public override Task TryRecord_NewOrder_ReturnsTrueAndIsFound() => base.TryRecord_NewOrder_ReturnsTrueAndIsFound();

    /// <inheritdoc />
    [Fact]
    public override Task TryRecord_AlreadyRecorded_ReturnsFalseAndKeepsTheFirstEntry() => base.TryRecord_AlreadyRecorded_ReturnsFalseAndKeepsTheFirstEntry();

    /// <inheritdoc />
    [Fact]
    public override Task TryRecord_SameNumberOnAnotherConnection_IsADifferentOrder() => base.TryRecord_SameNumberOnAnotherConnection_IsADifferentOrder();

    /// <inheritdoc />
    [Fact]
    public override Task TryRecord_NumberDifferingInCase_IsADifferentOrder() => base.TryRecord_NumberDifferingInCase_IsADifferentOrder();

    /// <inheritdoc />
    [Fact]
    public override Task TryRecord_TwoInstancesRacingOnOneOrder_ExactlyOneRecordsIt() => base.TryRecord_TwoInstancesRacingOnOneOrder_ExactlyOneRecordsIt();

    /// <inheritdoc />
    [Fact]
    public override Task TryRecord_LeaseTakenOverByAnotherWorker_IsRefusedAndRecordsNothing() => base.TryRecord_LeaseTakenOverByAnotherWorker_IsRefusedAndRecordsNothing();
}

/// <summary>
/// The checks of <see cref="JournalStoreChecks"/> as xUnit tests: derive a test class from it and supply a fresh,
/// empty store. This class in <c>Connect.Sdk.Testing.Stores</c> is for xUnit v2, its namesake in
/// <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class JournalStoreContract : JournalStoreChecks
{
    /// <summary>The names of the queries <see cref="JournalStoreChecks.Query_Filter_ReturnsWhatMatchesSaysInOrderWithTheTotal"/> runs, as theory data.</summary>
    public static TheoryData<string> QueryCases { get; } = new(QueryCaseNames);

    /// <inheritdoc />
    [Fact]
    public override Task Get_UnknownKey_ReturnsNull() => base.Get_UnknownKey_ReturnsNull();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_NewEntry_StoresItWithAVersionAboveZero() => base.TrySave_NewEntry_StoresItWithAVersionAboveZero();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_RepeatCountedOnTheLastLine_ReadsBackTheHistoryAsSaved() => base.TrySave_RepeatCountedOnTheLastLine_ReadsBackTheHistoryAsSaved();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_RepeatOnTheLineBeforeLastAndANewLine_ReadsBackBothLines() => base.TrySave_RepeatOnTheLineBeforeLastAndANewLine_ReadsBackBothLines();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_OldestLinesFolded_ReadsBackTheSummaryAndTheNewestLines() => base.TrySave_OldestLinesFolded_ReadsBackTheSummaryAndTheNewestLines();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_FoldedHistoryRepeatedAndFoldedAgain_ReadsBackAsSaved() => base.TrySave_FoldedHistoryRepeatedAndFoldedAgain_ReadsBackAsSaved();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_TextWithNulCharacter_StoresIt() => base.TrySave_TextWithNulCharacter_StoresIt();

    /// <inheritdoc />
    [Fact]
    public override Task AddMissing_SomeRecordsListedAlready_StoresOnlyTheNewOnes() => base.AddMissing_SomeRecordsListedAlready_StoresOnlyTheNewOnes();

    /// <inheritdoc />
    [Fact]
    public override Task GetMany_SomeRecordsWithoutEntry_ReturnsTheStoredOnes() => base.GetMany_SomeRecordsWithoutEntry_ReturnsTheStoredOnes();

    /// <inheritdoc />
    [Fact]
    public override Task GetManyToChange_LongHistories_LeavesOutNoLineAStatusChangeNeeds() => base.GetManyToChange_LongHistories_LeavesOutNoLineAStatusChangeNeeds();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_EntryReadToChange_KeepsTheLinesLeftOutAndSavesTheRest() => base.TrySave_EntryReadToChange_KeepsTheLinesLeftOutAndSavesTheRest();

    /// <inheritdoc />
    [Fact]
    public override Task TrySaveMany_OneEntryChangedInBetween_SavesTheOthersAndRefusesIt() => base.TrySaveMany_OneEntryChangedInBetween_SavesTheOthersAndRefusesIt();

    /// <inheritdoc />
    [Fact]
    public override Task TrySaveMany_StaleEntryInTheMiddle_SavesTheOthersAndReportsIt() => base.TrySaveMany_StaleEntryInTheMiddle_SavesTheOthersAndReportsIt();

    /// <inheritdoc />
    [Fact]
    public override Task TrySaveMany_TwoNewEntriesOfOneKey_StoresTheFirstAndReportsTheSecond() => base.TrySaveMany_TwoNewEntriesOfOneKey_StoresTheFirstAndReportsTheSecond();

    /// <inheritdoc />
    [Fact]
    public override Task TrySaveMany_PoisonedEntryPartWay_WritesNothing() => base.TrySaveMany_PoisonedEntryPartWay_WritesNothing();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_CurrentVersion_VersionGrows() => base.TrySave_CurrentVersion_VersionGrows();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_StaleVersion_ReturnsNullAndKeepsTheStoredEntry() => base.TrySave_StaleVersion_ReturnsNullAndKeepsTheStoredEntry();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_NewEntryOverAStoredOne_ReturnsNullAndKeepsTheStoredEntry() => base.TrySave_NewEntryOverAStoredOne_ReturnsNullAndKeepsTheStoredEntry();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_VersionAheadOfTheStoredOne_ReturnsNull() => base.TrySave_VersionAheadOfTheStoredOne_ReturnsNull();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_TwoInstancesRacingOnOneVersion_ExactlyOneWins() => base.TrySave_TwoInstancesRacingOnOneVersion_ExactlyOneWins();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_ManyWritersRetryingThroughTwoInstances_NoUpdateIsLost() => base.TrySave_ManyWritersRetryingThroughTwoInstances_NoUpdateIsLost();

    /// <inheritdoc />
    [Theory]
    [MemberData(nameof(QueryCases), MemberType = typeof(JournalStoreContract))]
    public override Task Query_Filter_ReturnsWhatMatchesSaysInOrderWithTheTotal(string queryCase) => base.Query_Filter_ReturnsWhatMatchesSaysInOrderWithTheTotal(queryCase);

    /// <inheritdoc />
    [Fact]
    public override Task Query_Pages_CoverEveryMatchOnceWithTheTotal() => base.Query_Pages_CoverEveryMatchOnceWithTheTotal();

    /// <inheritdoc />
    [Fact]
    public override Task ListKeys_Filter_ReturnsTheMatchingKeysInQueryOrder() => base.ListKeys_Filter_ReturnsTheMatchingKeysInQueryOrder();

    /// <inheritdoc />
    [Fact]
    public override Task QueryPage_FollowingTheTokens_CoversEveryMatchOnceInOrder() => base.QueryPage_FollowingTheTokens_CoversEveryMatchOnceInOrder();

    /// <inheritdoc />
    [Fact]
    public override Task QueryPage_Last_ReturnsTheLastMatchesInQueryOrder() => base.QueryPage_Last_ReturnsTheLastMatchesInQueryOrder();

    /// <inheritdoc />
    [Fact]
    public override Task QueryPage_TokenOfAnotherQuery_IsRefused() => base.QueryPage_TokenOfAnotherQuery_IsRefused();

    /// <inheritdoc />
    [Fact]
    public override Task QueryPage_MoreMatchesThanTheExactLimit_FlagsAnyEstimateHonestly() => base.QueryPage_MoreMatchesThanTheExactLimit_FlagsAnyEstimateHonestly();

    /// <inheritdoc />
    [Fact]
    public override Task List_Connection_ReturnsExactlyItsEntries() => base.List_Connection_ReturnsExactlyItsEntries();

    /// <inheritdoc />
    [Fact]
    public override Task List_Connection_ListsEachKindInRecordKeyOrder() => base.List_Connection_ListsEachKindInRecordKeyOrder();
}

/// <summary>
/// The checks of <see cref="OrderStagingStoreChecks"/> as xUnit tests: derive a test class from it and supply a fresh,
/// empty store. This class in <c>Connect.Sdk.Testing.Stores</c> is for xUnit v2, its namesake in
/// <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class OrderStagingStoreContract : OrderStagingStoreChecks
{
    /// <inheritdoc />
    [Fact]
    public override Task Get_EmptyStore_FindsNothing() => base.Get_EmptyStore_FindsNothing();

    /// <inheritdoc />
    [Fact]
    public override Task Stage_NewOrders_StagesThemAndReturnsThemInTheOrderGiven() => base.Stage_NewOrders_StagesThemAndReturnsThemInTheOrderGiven();

    /// <inheritdoc />
    [Fact]
    public override Task ListPending_MixedStates_ListsStagedOnesOldestChangeFirst() => base.ListPending_MixedStates_ListsStagedOnesOldestChangeFirst();

    /// <inheritdoc />
    [Fact]
    public override Task Stage_HeldOrderWithNewerData_TakesTheDataAndIsStagedAgain() => base.Stage_HeldOrderWithNewerData_TakesTheDataAndIsStagedAgain();

    /// <inheritdoc />
    [Fact]
    public override Task Stage_AgainWithNewerData_KeepsTheFirstStagingInstant() => base.Stage_AgainWithNewerData_KeepsTheFirstStagingInstant();

    /// <inheritdoc />
    [Fact]
    public override Task Stage_OlderData_KeepsTheNewerStagedData() => base.Stage_OlderData_KeepsTheNewerStagedData();

    /// <inheritdoc />
    [Fact]
    public override Task HandedOver_StagedHeldOrMarkedAgain_StaysExactlyAsItIs() => base.HandedOver_StagedHeldOrMarkedAgain_StaysExactlyAsItIs();

    /// <inheritdoc />
    [Fact]
    public override Task Hold_NeverStaged_DoesNothing() => base.Hold_NeverStaged_DoesNothing();

    /// <inheritdoc />
    [Fact]
    public override Task Stage_EarlierCursorOrNone_LeavesTheCursorAlone() => base.Stage_EarlierCursorOrNone_LeavesTheCursorAlone();

    /// <inheritdoc />
    [Fact]
    public override Task SetCursor_EarlierValue_MovesTheCursorBack() => base.SetCursor_EarlierValue_MovesTheCursorBack();

    /// <inheritdoc />
    [Fact]
    public override Task Stage_ReaderOnAnotherInstance_NeverSeesTheCursorPastAnUnstagedOrder() => base.Stage_ReaderOnAnotherInstance_NeverSeesTheCursorPastAnUnstagedOrder();

    /// <inheritdoc />
    [Fact]
    public override Task Stage_LeaseTakenOverByAnotherWorker_IsRefusedAndChangesNothing() => base.Stage_LeaseTakenOverByAnotherWorker_IsRefusedAndChangesNothing();

    /// <inheritdoc />
    [Fact]
    public override Task HoldAndMarkHandedOver_LeaseTakenOverByAnotherWorker_AreRefusedAndChangeNothing() => base.HoldAndMarkHandedOver_LeaseTakenOverByAnotherWorker_AreRefusedAndChangeNothing();
}

/// <summary>
/// The checks of <see cref="OrderStatusOutboxChecks"/> as xUnit tests: derive a test class from it and supply a fresh,
/// empty store. This class in <c>Connect.Sdk.Testing.Stores</c> is for xUnit v2, its namesake in
/// <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class OrderStatusOutboxContract : OrderStatusOutboxChecks
{
    /// <inheritdoc />
    [Fact]
    public override Task Get_NeverReported_ReturnsNull() => base.Get_NeverReported_ReturnsNull();

    /// <inheritdoc />
    [Fact]
    public override Task RecordChange_SeveralChanges_CoalesceIntoOneEntryWithASequenceRaisedByOneEach() => base.RecordChange_SeveralChanges_CoalesceIntoOneEntryWithASequenceRaisedByOneEach();

    /// <inheritdoc />
    [Fact]
    public override Task ListPending_SeveralOrders_ListsUnhandledOnesOldestChangeFirst() => base.ListPending_SeveralOrders_ListsUnhandledOnesOldestChangeFirst();

    /// <inheritdoc />
    [Fact]
    public override Task MarkHandled_Exported_RemembersTheStateAndIsNoLongerPending() => base.MarkHandled_Exported_RemembersTheStateAndIsNoLongerPending();

    /// <inheritdoc />
    [Fact]
    public override Task MarkHandled_NotExported_IsNoLongerPendingWithoutAnExportedState() => base.MarkHandled_NotExported_IsNoLongerPendingWithoutAnExportedState();

    /// <inheritdoc />
    [Fact]
    public override Task MarkHandled_ChangeRecordedAfterTheRead_StaysPending() => base.MarkHandled_ChangeRecordedAfterTheRead_StaysPending();

    /// <inheritdoc />
    [Fact]
    public override Task MarkHandled_OlderReadAfterANewerOne_NeverLowersTheHandledSequence() => base.MarkHandled_OlderReadAfterANewerOne_NeverLowersTheHandledSequence();

    /// <inheritdoc />
    [Fact]
    public override Task RecordChange_ConcurrentChangesThroughTwoInstances_NoChangeIsLost() => base.RecordChange_ConcurrentChangesThroughTwoInstances_NoChangeIsLost();

    /// <inheritdoc />
    [Fact]
    public override Task MarkHandled_RacingANewChangeOnAnotherInstance_TheChangeStaysPending() => base.MarkHandled_RacingANewChangeOnAnotherInstance_TheChangeStaysPending();

    /// <inheritdoc />
    [Fact]
    public override Task MarkHandled_LeaseTakenOverByAnotherWorker_IsRefusedAndTheEntryStaysPending() => base.MarkHandled_LeaseTakenOverByAnotherWorker_IsRefusedAndTheEntryStaysPending();
}

/// <summary>
/// The checks of <see cref="PriceRulesStoreChecks"/> as xUnit tests: derive a test class from it and supply a fresh,
/// empty store. This class in <c>Connect.Sdk.Testing.Stores</c> is for xUnit v2, its namesake in
/// <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class PriceRulesStoreContract : PriceRulesStoreChecks
{
    /// <inheritdoc />
    [Fact]
    public override Task Get_NoneSet_ReturnsTheDefault() => base.Get_NoneSet_ReturnsTheDefault();

    /// <inheritdoc />
    [Fact]
    public override Task Set_EveryField_IsReadBackExactlyWithItsScale() => base.Set_EveryField_IsReadBackExactlyWithItsScale();

    /// <inheritdoc />
    [Fact]
    public override Task Set_DiscountAndZeroEndingAndFloor_AreReadBackAsZeroNotNone() => base.Set_DiscountAndZeroEndingAndFloor_AreReadBackAsZeroNotNone();

    /// <inheritdoc />
    [Fact]
    public override Task Set_Again_ReplacesTheRulesAndANullEndingAndFloorStayNull() => base.Set_Again_ReplacesTheRulesAndANullEndingAndFloorStayNull();

    /// <inheritdoc />
    [Fact]
    public override Task Set_OnOneConnection_LeavesTheOthersAlone() => base.Set_OnOneConnection_LeavesTheOthersAlone();
}

/// <summary>
/// The checks of <see cref="PriceSyncStateStoreChecks"/> as xUnit tests: derive a test class from it and supply a fresh,
/// empty store. This class in <c>Connect.Sdk.Testing.Stores</c> is for xUnit v2, its namesake in
/// <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class PriceSyncStateStoreContract : PriceSyncStateStoreChecks
{
    /// <inheritdoc />
    [Fact]
    public override Task Get_NeverSent_LeavesTheArticlesOut() => base.Get_NeverSent_LeavesTheArticlesOut();

    /// <inheritdoc />
    [Fact]
    public override Task Save_ThenGet_ReturnsTheLatestPriceOfTheAskedArticles() => base.Save_ThenGet_ReturnsTheLatestPriceOfTheAskedArticles();

    /// <inheritdoc />
    [Fact]
    public override Task Save_Amounts_AreReadBackExactlyWithTheirScale() => base.Save_Amounts_AreReadBackExactlyWithTheirScale();

    /// <inheritdoc />
    [Fact]
    public override Task Save_CompareAtPrice_IsKeptAndANullOneStaysNull() => base.Save_CompareAtPrice_IsKeptAndANullOneStaysNull();

    /// <inheritdoc />
    [Fact]
    public override Task Save_WithoutCompareAtOverOneWithIt_ClearsTheCompareAtPrice() => base.Save_WithoutCompareAtOverOneWithIt_ClearsTheCompareAtPrice();

    /// <inheritdoc />
    [Fact]
    public override Task Save_Currencies_AreKeptPerArticle() => base.Save_Currencies_AreKeptPerArticle();

    /// <inheritdoc />
    [Fact]
    public override Task Get_AChunkOfAThousand_ReturnsEveryOneExactly() => base.Get_AChunkOfAThousand_ReturnsEveryOneExactly();

    /// <inheritdoc />
    [Fact]
    public override Task Save_ThroughOneInstance_IsReadThroughTheOther() => base.Save_ThroughOneInstance_IsReadThroughTheOther();

    /// <inheritdoc />
    [Fact]
    public override Task Save_SameArticleOnTwoConnections_KeepsThemApart() => base.Save_SameArticleOnTwoConnections_KeepsThemApart();

    /// <inheritdoc />
    [Fact]
    public override Task Save_ArticleNumbersDifferingOnlyInCase_AreTwoArticles() => base.Save_ArticleNumbersDifferingOnlyInCase_AreTwoArticles();

    /// <inheritdoc />
    [Fact]
    public override Task Save_BatchWithANullEntry_IsRefusedAndWritesNothing() => base.Save_BatchWithANullEntry_IsRefusedAndWritesNothing();

    /// <inheritdoc />
    [Fact]
    public override Task Save_LeaseTakenOverByAnotherWorker_IsRefusedAndWritesNothing() => base.Save_LeaseTakenOverByAnotherWorker_IsRefusedAndWritesNothing();
}

/// <summary>
/// The checks of <see cref="RateBudgetStoreChecks"/> as xUnit tests: derive a test class from it and supply a fresh,
/// empty store. This class in <c>Connect.Sdk.Testing.Stores</c> is for xUnit v2, its namesake in
/// <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class RateBudgetStoreContract : RateBudgetStoreChecks
{
    /// <inheritdoc />
    [Fact]
    public override Task GetAsync_AccountNeverWritten_ReturnsNull() => base.GetAsync_AccountNeverWritten_ReturnsNull();

    /// <inheritdoc />
    [Fact]
    public override Task TryReplaceAsync_FirstStateOfAnAccount_IsWrittenAndEveryFieldReadBackExactly() => base.TryReplaceAsync_FirstStateOfAnAccount_IsWrittenAndEveryFieldReadBackExactly();

    /// <inheritdoc />
    [Fact]
    public override Task TryReplaceAsync_FromTheStoredVersion_ReplacesIt() => base.TryReplaceAsync_FromTheStoredVersion_ReplacesIt();

    /// <inheritdoc />
    [Fact]
    public override Task TryReplaceAsync_TwoWritersFromOneVersion_OnlyTheFirstWins() => base.TryReplaceAsync_TwoWritersFromOneVersion_OnlyTheFirstWins();

    /// <inheritdoc />
    [Fact]
    public override Task TryReplaceAsync_TwoWritersOfAFirstState_OnlyTheFirstWins() => base.TryReplaceAsync_TwoWritersOfAFirstState_OnlyTheFirstWins();

    /// <inheritdoc />
    [Fact]
    public override Task TryReplaceAsync_ExpectingAStateThatIsNotThere_IsRefused() => base.TryReplaceAsync_ExpectingAStateThatIsNotThere_IsRefused();

    /// <inheritdoc />
    [Fact]
    public override Task TryReplaceAsync_StateWithFlights_EveryFlightReadBackExactlyInOrder() => base.TryReplaceAsync_StateWithFlights_EveryFlightReadBackExactlyInOrder();

    /// <inheritdoc />
    [Fact]
    public override Task TryReplaceAsync_FlightLeftOut_IsGoneAfterTheReplacement() => base.TryReplaceAsync_FlightLeftOut_IsGoneAfterTheReplacement();

    /// <inheritdoc />
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public override Task TryReplaceAsync_VersionNotTheNextOne_IsRefusedAsABug(long version) => base.TryReplaceAsync_VersionNotTheNextOne_IsRefusedAsABug(version);
}

/// <summary>
/// The checks of <see cref="SecretStoreChecks"/> as xUnit tests: derive a test class from it and supply a fresh,
/// empty store. This class in <c>Connect.Sdk.Testing.Stores</c> is for xUnit v2, its namesake in
/// <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class SecretStoreContract : SecretStoreChecks
{
    /// <inheritdoc />
    [Fact]
    public override Task Get_NeverStored_ReturnsNull() => base.Get_NeverStored_ReturnsNull();

    /// <inheritdoc />
    [Fact]
    public override Task Set_Secret_IsReadBackPerConnectionAndKey() => base.Set_Secret_IsReadBackPerConnectionAndKey();

    /// <inheritdoc />
    [Fact]
    public override Task Remove_StoredSecret_IsGoneAndRepeatingDoesNothing() => base.Remove_StoredSecret_IsGoneAndRepeatingDoesNothing();
}

/// <summary>
/// The checks of <see cref="StockRulesStoreChecks"/> as xUnit tests: derive a test class from it and supply a fresh,
/// empty store. This class in <c>Connect.Sdk.Testing.Stores</c> is for xUnit v2, its namesake in
/// <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class StockRulesStoreContract : StockRulesStoreChecks
{
    /// <inheritdoc />
    [Fact]
    public override Task Get_NoneSet_ReturnsTheDefault() => base.Get_NoneSet_ReturnsTheDefault();

    /// <inheritdoc />
    [Fact]
    public override Task Set_Rules_AreReadBackPerConnection() => base.Set_Rules_AreReadBackPerConnection();
}

/// <summary>
/// The checks of <see cref="StockSyncStateStoreChecks"/> as xUnit tests: derive a test class from it and supply a fresh,
/// empty store. This class in <c>Connect.Sdk.Testing.Stores</c> is for xUnit v2, its namesake in
/// <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class StockSyncStateStoreContract : StockSyncStateStoreChecks
{
    /// <inheritdoc />
    [Fact]
    public override Task Get_NeverSent_LeavesTheArticlesOut() => base.Get_NeverSent_LeavesTheArticlesOut();

    /// <inheritdoc />
    [Fact]
    public override Task Save_ThenGet_ReturnsTheLatestQuantityOfTheAskedArticles() => base.Save_ThenGet_ReturnsTheLatestQuantityOfTheAskedArticles();

    /// <inheritdoc />
    [Fact]
    public override Task Get_AChunkOfAThousand_ReturnsEveryOne() => base.Get_AChunkOfAThousand_ReturnsEveryOne();

    /// <inheritdoc />
    [Fact]
    public override Task Save_BatchWithANullEntry_IsRefusedAndWritesNothing() => base.Save_BatchWithANullEntry_IsRefusedAndWritesNothing();

    /// <inheritdoc />
    [Fact]
    public override Task Save_LeaseTakenOverByAnotherWorker_IsRefusedAndWritesNothing() => base.Save_LeaseTakenOverByAnotherWorker_IsRefusedAndWritesNothing();

    /// <inheritdoc />
    [Fact]
    public override Task Save_LeaseReleased_IsRefused() => base.Save_LeaseReleased_IsRefused();
}

/// <summary>
/// The checks of <see cref="WorkLeaseStoreChecks"/> as xUnit tests: derive a test class from it and supply a fresh,
/// empty store. This class in <c>Connect.Sdk.Testing.Stores</c> is for xUnit v2, its namesake in
/// <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class WorkLeaseStoreContract : WorkLeaseStoreChecks
{
    /// <inheritdoc />
    [Fact]
    public override Task TryAcquire_FreeKey_ReturnsALeaseExpiringAfterTheDuration() => base.TryAcquire_FreeKey_ReturnsALeaseExpiringAfterTheDuration();

    /// <inheritdoc />
    [Fact]
    public override Task TryAcquire_HeldAndUnexpired_IsRefusedForAnotherOwner() => base.TryAcquire_HeldAndUnexpired_IsRefusedForAnotherOwner();

    /// <inheritdoc />
    [Fact]
    public override Task TryAcquire_AtTheExpiryInstant_SucceedsForAnotherOwner() => base.TryAcquire_AtTheExpiryInstant_SucceedsForAnotherOwner();

    /// <inheritdoc />
    [Fact]
    public override Task TryAcquire_DifferentKeys_BothSucceed() => base.TryAcquire_DifferentKeys_BothSucceed();

    /// <inheritdoc />
    [Fact]
    public override Task TryAcquire_AfterReleaseOrExpiry_GetsAGreaterToken() => base.TryAcquire_AfterReleaseOrExpiry_GetsAGreaterToken();

    /// <inheritdoc />
    [Fact]
    public override Task Release_HeldLease_FreesTheKey() => base.Release_HeldLease_FreesTheKey();

    /// <inheritdoc />
    [Fact]
    public override Task TryRenew_HeldLease_ExtendsTheExpiry() => base.TryRenew_HeldLease_ExtendsTheExpiry();

    /// <inheritdoc />
    [Fact]
    public override Task Release_RenewedLease_FreesTheKey() => base.Release_RenewedLease_FreesTheKey();

    /// <inheritdoc />
    [Fact]
    public override Task TryRenew_ReleasedLease_ReturnsNull() => base.TryRenew_ReleasedLease_ReturnsNull();

    /// <inheritdoc />
    [Fact]
    public override Task TryRenew_LostLease_ReturnsNullAndLeavesTheNewHolder() => base.TryRenew_LostLease_ReturnsNullAndLeavesTheNewHolder();

    /// <inheritdoc />
    [Fact]
    public override Task Release_LostLease_LeavesTheNewHolder() => base.Release_LostLease_LeavesTheNewHolder();

    /// <inheritdoc />
    [Fact]
    public override Task Release_Twice_DoesNothingTheSecondTime() => base.Release_Twice_DoesNothingTheSecondTime();

    /// <inheritdoc />
    [Fact]
    public override Task TryAcquire_TwoInstancesRacingForAFreeKey_ExactlyOneWins() => base.TryAcquire_TwoInstancesRacingForAFreeKey_ExactlyOneWins();

    /// <inheritdoc />
    [Fact]
    public override Task TryAcquire_TwoInstancesRacingForAnExpiredKey_ExactlyOneWins() => base.TryAcquire_TwoInstancesRacingForAnExpiredKey_ExactlyOneWins();

    /// <inheritdoc />
    [Fact]
    public override Task TryClaim_FreeKeys_ClaimsUpToTheLimitInTheOrderGiven() => base.TryClaim_FreeKeys_ClaimsUpToTheLimitInTheOrderGiven();

    /// <inheritdoc />
    [Fact]
    public override Task TryClaim_HeldKey_IsSkippedForTheNextKey() => base.TryClaim_HeldKey_IsSkippedForTheNextKey();

    /// <inheritdoc />
    [Fact]
    public override Task TryClaim_ExpiredLease_IsClaimedWithAGreaterToken() => base.TryClaim_ExpiredLease_IsClaimedWithAGreaterToken();

    /// <inheritdoc />
    [Fact]
    public override Task TryClaim_ClaimedLease_FencesLikeAnAcquiredLease() => base.TryClaim_ClaimedLease_FencesLikeAnAcquiredLease();

    /// <inheritdoc />
    [Fact]
    public override Task TryClaim_NeverLeasedKeyWantedFirst_IsClaimedBeforeKeysLeasedBefore() => base.TryClaim_NeverLeasedKeyWantedFirst_IsClaimedBeforeKeysLeasedBefore();

    /// <inheritdoc />
    [Fact]
    public override Task TryClaim_TwoInstancesRacingOverTheSameKeys_NeverBothGetAKey() => base.TryClaim_TwoInstancesRacingOverTheSameKeys_NeverBothGetAKey();
}

/// <summary>
/// The checks of <see cref="WorkScheduleStoreChecks"/> as xUnit tests: derive a test class from it and supply a fresh,
/// empty store. This class in <c>Connect.Sdk.Testing.Stores</c> is for xUnit v2, its namesake in
/// <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class WorkScheduleStoreContract : WorkScheduleStoreChecks
{
    /// <inheritdoc />
    [Fact]
    public override Task Get_NothingStored_ReturnsAFreshState() => base.Get_NothingStored_ReturnsAFreshState();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_FreshState_StoresItWithAGreaterVersion() => base.TrySave_FreshState_StoresItWithAGreaterVersion();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_Pause_ReadsBackAndCanBeLifted() => base.TrySave_Pause_ReadsBackAndCanBeLifted();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_CurrentVersion_VersionGrows() => base.TrySave_CurrentVersion_VersionGrows();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_StaleVersion_ReturnsNullAndKeepsTheStoredState() => base.TrySave_StaleVersion_ReturnsNullAndKeepsTheStoredState();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_VersionAheadOfTheStoredOne_ReturnsNull() => base.TrySave_VersionAheadOfTheStoredOne_ReturnsNull();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_OneKind_LeavesOtherKindsAndConnectionsFresh() => base.TrySave_OneKind_LeavesOtherKindsAndConnectionsFresh();

    /// <inheritdoc />
    [Fact]
    public override Task TrySave_TwoInstancesRacingOnOneVersion_ExactlyOneWins() => base.TrySave_TwoInstancesRacingOnOneVersion_ExactlyOneWins();

    /// <inheritdoc />
    [Fact]
    public override Task GetMany_SeveralConnections_ReturnsTheirStoredStatesWhole() => base.GetMany_SeveralConnections_ReturnsTheirStoredStatesWhole();

    /// <inheritdoc />
    [Fact]
    public override Task GetMany_NothingStoredForThem_ReturnsNothing() => base.GetMany_NothingStoredForThem_ReturnsNothing();
}

/// <summary>
/// The checks of <see cref="SecretProtectorChecks"/> as xUnit tests: derive a test class from it and supply a protector
/// with keys of its own. This class in <c>Connect.Sdk.Testing.Stores</c> is for xUnit v2, its namesake in
/// <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class SecretProtectorContract : SecretProtectorChecks
{
    /// <inheritdoc />
    [Fact]
    public override Task Unprotect_WhatWasProtected_ReturnsTheSecret() => base.Unprotect_WhatWasProtected_ReturnsTheSecret();

    /// <inheritdoc />
    [Fact]
    public override Task Protect_Secret_StoredTextNeverShowsIt() => base.Protect_Secret_StoredTextNeverShowsIt();

    /// <inheritdoc />
    [Fact]
    public override Task Unprotect_TamperedText_ThrowsNamingTheRowNotTheSecret() => base.Unprotect_TamperedText_ThrowsNamingTheRowNotTheSecret();

    /// <inheritdoc />
    [Fact]
    public override Task Unprotect_TextOfAnotherRow_Throws() => base.Unprotect_TextOfAnotherRow_Throws();
}
