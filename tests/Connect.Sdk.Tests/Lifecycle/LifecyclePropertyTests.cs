using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using CsCheck;
using NodaTime;
using static Connect.Sdk.Tests.Lifecycle.LifecycleFixtures;

namespace Connect.Sdk.Tests.Lifecycle;

/// <summary>
/// Random sequences of everything a user (or a racing worker) can do to a connection, checked against the
/// lifecycle's invariants after every step.
/// </summary>
public sealed class LifecyclePropertyTests
{
    private static readonly string[] SecretValues = ["SECRET-tok-1", "SECRET-tok-2"];

    private static readonly Gen<Op> GenOp = Gen.Frequency(
        (3, Gen.Select(Gen.Bool, Gen.Int[0, 4], (passes, stale) => (Op)new CheckOp(passes, Stale: stale == 0))),
        (2, Gen.Const((Op)new FillAllOp())),
        (4, Gen.Select(
            Gen.OneOfConst(ShopUrl, ApiVersion, Warehouse, StockBuffer, OrderPrefix, CarrierMapping, AccessToken, "unknown"),
            Gen.OneOfConst<string?>(null, "", "a", "b"),
            (key, value) => (Op)new SetPlainOp(key, value))),
        (3, Gen.Select(
            Gen.OneOfConst(AccessToken, AccessToken, ShopUrl, "password"),
            Gen.OneOfConst<string?>(null, SecretValues[0], SecretValues[1]),
            (key, secret) => (Op)new SetSecretOp(key, secret))),
        (5, Gen.Select(Gen.Enum<FeatureKind>(), Gen.Enum<FeatureMode>(), (feature, mode) => (Op)new FeatureOp(feature, mode))),
        (4, Gen.Bool.Select(on => (Op)new ProductiveOp(on))),
        (1, Gen.Enum<ImportMode>().Select(mode => (Op)new ImportOp(mode))));

    [Fact]
    public void AnySequence_KeepsTheLifecycleInvariants()
    {
        GenOp.Array[1, 80].Sample(Run, iter: 3000, print: ops => string.Join(Environment.NewLine, ops.Select(o => o.ToString())));
    }

    [Fact]
    public void AnySequence_ReachesProductiveSometimes()
    {
        // Guards the generator: invariants about productive connections mean little if none are ever made.
        var productive = 0;
        GenOp.Array[40, 80].Sample(ops => productive += Replay(ops).Any(s => s.IsProductive) ? 1 : 0, iter: 500, threads: 1);

        Assert.True(productive > 25, $"Only {productive} of 500 sequences reached productive mode.");
    }

    private static void Run(Op[] ops)
    {
        var model = new Model();
        var state = ConnectionStateMachine.Create(Id, Descriptor, "Shop DE", T0, Alice).Connection!;
        for (var step = 0; step < ops.Length; step++)
        {
            var at = T0 + Duration.FromMinutes(step + 1);
            var result = Apply(state, ops[step], at);
            AssertStep(state, ops[step], result, at);
            if (result.Succeeded && result.Transitions.Count > 0)
            {
                model.Observe(state, ops[step], result.Connection);
            }

            state = result.Connection!;
            AssertInvariants(state, model);
        }
    }

    private static List<Connection> Replay(Op[] ops)
    {
        var states = new List<Connection> { ConnectionStateMachine.Create(Id, Descriptor, "Shop DE", T0, Alice).Connection! };
        foreach (var op in ops)
        {
            states.Add(Apply(states[^1], op, T1).Connection!);
        }

        return states;
    }

    private static LifecycleResult Apply(Connection state, Op op, Instant at) => op switch
    {
        CheckOp c => ConnectionStateMachine.RecordCheck(
            state,
            c.Passes ? ConnectionCheckResult.Success() : ConnectionCheckResult.Failure("401 Unauthorized"),
            CheckedRevision(state, c),
            at,
            Alice),
        FillAllOp => ConnectionStateMachine.ChangeSettings(
            state,
            Schema,
            SettingsUpdate.Empty.Set(ShopUrl, "example.myshopify.com").Set(Warehouse, "main").Set(OrderPrefix, "SHOP-")
                .SetSecret(AccessToken, new SecretValue(SecretValues[0])),
            at,
            Alice),
        SetPlainOp p => ConnectionStateMachine.ChangeSettings(state, Schema, SettingsUpdate.Empty.Set(p.Key, p.Value), at, Alice),
        SetSecretOp s => ConnectionStateMachine.ChangeSettings(
            state,
            Schema,
            s.Secret is null ? SettingsUpdate.Empty.ClearSecret(s.Key) : SettingsUpdate.Empty.SetSecret(s.Key, new SecretValue(s.Secret)),
            at,
            Alice),
        FeatureOp f => ConnectionStateMachine.SetFeatureMode(state, Descriptor, f.Feature, f.Mode, at, Alice),
        ProductiveOp p => ConnectionStateMachine.SetProductiveMode(state, p.On, at, Alice),
        ImportOp i => ConnectionStateMachine.SetImportMode(state, i.Mode, at, Alice),
        _ => throw new InvalidOperationException($"Unknown op {op}"),
    };

    // A stale check ran against the credentials before the last change, as when a user saves a new token
    // while a slow check of the old one is still running.
    private static long CheckedRevision(Connection state, CheckOp check) =>
        check.Stale && state.CredentialsRevision > 0 ? state.CredentialsRevision - 1 : state.CredentialsRevision;

    private static void AssertStep(Connection before, Op op, LifecycleResult result, Instant at)
    {
        if (!result.Succeeded)
        {
            Assert.Same(before, result.Connection);
            Assert.NotEmpty(result.Reasons);
            Assert.Empty(result.Transitions);
        }
        else if (result.Transitions.Count == 0)
        {
            Assert.Same(before, result.Connection);
        }

        var after = result.Connection!;
        Assert.Equal(before.Version, after.Version);
        Assert.All(result.Transitions, t => Assert.Equal((Id, at, Alice), (t.ConnectionId, t.At, t.Actor)));

        // Switching productive on happens only through the command, and only when its conditions held just before.
        if (!before.IsProductive && after.IsProductive)
        {
            Assert.IsType<ProductiveOp>(op);
            Assert.True(before.Check.Passed, "productive switched on without a passed check");
            Assert.NotEmpty(before.FeaturesInIntegration);
            Assert.Equal([LifecycleChange.ProductiveOn], result.Transitions.Select(t => t.Change));
        }

        var text = string.Join("|", result.Transitions.Select(t => t.ToString()).Concat(result.Reasons.Select(r => r.ToString()))) + result + after;
        Assert.All(SecretValues, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
    }

    private static void AssertInvariants(Connection state, Model model)
    {
        if (state.IsProductive)
        {
            Assert.NotEmpty(state.FeaturesInIntegration);

            // Credentials cannot change under a productive connection.
            Assert.Equal(model.RevisionWhenProductive, state.CredentialsRevision);
        }

        // A passed check always vouches for the current credentials.
        if (state.Check.Passed)
        {
            Assert.Equal(model.RevisionLastPassed, state.CredentialsRevision);
        }

        foreach (var feature in state.FeaturesInIntegration)
        {
            Assert.Empty(Schema.FindMissingMandatory(feature, state.Settings));
        }

        Assert.Equal(FeatureMode.Off, state.ModeOf(FeatureKind.Prices));
        Assert.All(state.Settings.Values.Keys, key => Assert.False(Schema.FindField(key)!.IsSecret));
    }

    private sealed class Model
    {
        public long? RevisionLastPassed { get; private set; }

        public long? RevisionWhenProductive { get; private set; }

        public void Observe(Connection before, Op op, Connection after)
        {
            if (op is CheckOp check && after.Check.Passed)
            {
                RevisionLastPassed = CheckedRevision(before, check);
            }

            if (!before.IsProductive && after.IsProductive)
            {
                RevisionWhenProductive = after.CredentialsRevision;
            }
        }
    }

    private abstract record Op;

    private sealed record CheckOp(bool Passes, bool Stale) : Op;

    private sealed record FillAllOp : Op;

    private sealed record SetPlainOp(string Key, string? Value) : Op;

    private sealed record SetSecretOp(string Key, string? Secret) : Op;

    private sealed record FeatureOp(FeatureKind Feature, FeatureMode Mode) : Op;

    private sealed record ProductiveOp(bool On) : Op;

    private sealed record ImportOp(ImportMode Mode) : Op;
}
