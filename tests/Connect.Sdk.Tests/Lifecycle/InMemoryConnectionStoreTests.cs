using Connect.Sdk.Lifecycle;
using static Connect.Sdk.Tests.Lifecycle.LifecycleFixtures;

namespace Connect.Sdk.Tests.Lifecycle;

public sealed class InMemoryConnectionStoreTests
{
    private readonly InMemoryConnectionStore _store = new();

    [Fact]
    public async Task TryCreate_NewId_StoresVersionOneWithHistory()
    {
        var created = await _store.TryCreateAsync(New() with { Version = 0 }, [Transition(LifecycleChange.Created)], default);

        Assert.Equal(1, created!.Version);
        Assert.Equal(1, (await _store.GetAsync(Id, default))!.Version);
        Assert.Equal([LifecycleChange.Created], await History());
    }

    [Fact]
    public async Task TryCreate_ExistingId_ReturnsNullAndKeepsTheFirst()
    {
        await _store.TryCreateAsync(New() with { Version = 0, Name = "first" }, [Transition(LifecycleChange.Created)], default);

        var second = await _store.TryCreateAsync(New() with { Version = 0, Name = "second" }, [Transition(LifecycleChange.Created)], default);

        Assert.Null(second);
        Assert.Equal("first", (await _store.GetAsync(Id, default))!.Name);
        Assert.Single(await History());
    }

    [Fact]
    public async Task TrySave_VersionAsRead_BumpsVersionAndAppendsHistory()
    {
        var stored = await _store.TryCreateAsync(New() with { Version = 0 }, [Transition(LifecycleChange.Created)], default);

        var saved = await _store.TrySaveAsync(stored! with { ImportMode = ImportMode.Manual }, [Transition(LifecycleChange.ImportModeChanged)], default);

        Assert.Equal(2, saved!.Version);
        Assert.Equal(ImportMode.Manual, (await _store.GetAsync(Id, default))!.ImportMode);
        Assert.Equal([LifecycleChange.Created, LifecycleChange.ImportModeChanged], await History());
    }

    [Fact]
    public async Task TrySave_StaleVersion_ChangesNeitherStateNorHistory()
    {
        var stored = await _store.TryCreateAsync(New() with { Version = 0 }, [Transition(LifecycleChange.Created)], default);
        await _store.TrySaveAsync(stored! with { ImportMode = ImportMode.Manual }, [Transition(LifecycleChange.ImportModeChanged)], default);

        var stale = await _store.TrySaveAsync(stored with { IsProductive = true }, [Transition(LifecycleChange.ProductiveOn)], default);

        Assert.Null(stale);
        Assert.False((await _store.GetAsync(Id, default))!.IsProductive);
        Assert.DoesNotContain(LifecycleChange.ProductiveOn, await History());
    }

    [Fact]
    public async Task TrySave_UnknownConnection_ReturnsNull()
    {
        Assert.Null(await _store.TrySaveAsync(New(), [Transition(LifecycleChange.ImportModeChanged)], default));
    }

    [Fact]
    public async Task TrySave_TransitionOfAnotherConnection_Throws()
    {
        var stored = await _store.TryCreateAsync(New() with { Version = 0 }, [], default);
        var stray = Transition(LifecycleChange.ImportModeChanged) with { ConnectionId = new ConnectionId("other") };

        await Assert.ThrowsAsync<ArgumentException>(async () => await _store.TrySaveAsync(stored!, [stray], default));
    }

    [Fact]
    public async Task TrySave_ManyWritersWithTheSameVersion_ExactlyOneWins()
    {
        var stored = await _store.TryCreateAsync(New() with { Version = 0 }, [], default);

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
            await _store.TrySaveAsync(stored! with { Name = $"writer {i}" }, [Transition(LifecycleChange.ImportModeChanged)], default))));

        Assert.Single(results, r => r is not null);
        Assert.Single(await History());
        Assert.Equal(2, (await _store.GetAsync(Id, default))!.Version);
    }

    [Fact]
    public async Task List_SeveralConnections_InIdOrder()
    {
        foreach (var id in new[] { "b", "c", "a" })
        {
            await _store.TryCreateAsync(New() with { Id = new(id), Version = 0 }, [], default);
        }

        var ids = new List<string>();
        await foreach (var c in _store.ListAsync(default))
        {
            ids.Add(c.Id.Value);
        }

        Assert.Equal(["a", "b", "c"], ids);
    }

    [Fact]
    public async Task GetHistory_UnknownConnection_IsEmpty()
    {
        Assert.Empty(await History());
    }

    private static LifecycleTransition Transition(LifecycleChange change) => new(Id, T0, Alice, change, null, "a", "b", null);

    private async Task<List<LifecycleChange>> History()
    {
        var changes = new List<LifecycleChange>();
        await foreach (var t in _store.GetHistoryAsync(Id, default))
        {
            changes.Add(t.Change);
        }

        return changes;
    }
}
