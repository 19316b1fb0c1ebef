using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Settings;
using NodaTime;

namespace Connect.Sdk.Lifecycle;

/// <summary>
/// The lifecycle rules of a connection as pure functions: each takes the current state and a command and
/// returns the new state with the transitions to record, or a refusal with every reason that applies.
/// No I/O, no clock: <see cref="ConnectionLifecycle"/> loads, applies and stores; a host can call these
/// directly to preview a change (e.g. to grey out a switch with the reason as tooltip).
/// </summary>
/// <remarks>
/// A command that would change nothing (switching on what is on) succeeds with no transitions. The
/// functions never change <see cref="Connection.Version"/>; the store does when it saves.
/// </remarks>
public static class ConnectionStateMachine
{
    /// <summary>What the history shows for an empty setting.</summary>
    public const string NotSet = "(not set)";

    private const string SecretIsSet = "set";
    private const string SecretReplaced = "replaced";

    /// <summary>
    /// Creates a connection: productive mode off, check not run, every feature off but tracking feedback
    /// (<see cref="FeatureKind.OrderStatus"/> in <see cref="FeatureMode.Test"/> when the connector supports it), import mode
    /// <see cref="ImportMode.Demo"/>, and the connector's default values for plain settings.
    /// </summary>
    /// <param name="id">The new connection's id.</param>
    /// <param name="connector">The connector the connection uses.</param>
    /// <param name="name">The name users see.</param>
    /// <param name="at">Now.</param>
    /// <param name="actor">Who creates it.</param>
    /// <returns>The new connection and its <see cref="LifecycleChange.Created"/> transition.</returns>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public static LifecycleResult Create(ConnectionId id, ConnectorDescriptor connector, string name, Instant at, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var defaults = connector.Settings.Fields
            .Where(f => !f.IsSecret && !string.IsNullOrWhiteSpace(f.DefaultValue))
            .Select(f => KeyValuePair.Create(f.Key, f.DefaultValue!));
        var connection = new Connection
        {
            Id = id,
            ConnectorId = connector.Id,
            Name = name.Trim(),
            Settings = new ConnectionSettings(defaults, []),
            CreatedAt = at,

            // Tracking feedback ("Auftragsstatus rückmelden") is preselected in the seed: on, in the test phase like
            // any feature, so it goes to the background with integration mode and never before the user decides.
            FeatureModes = connector.Supports(FeatureKind.OrderStatus)
                ? new Dictionary<FeatureKind, FeatureMode> { [FeatureKind.OrderStatus] = FeatureMode.Test }
                : new Dictionary<FeatureKind, FeatureMode>(),
        };
        return LifecycleResult.Success(
            connection,
            [new LifecycleTransition(id, at, actor, LifecycleChange.Created, null, "(none)", "Created", $"{connection.Name} ({connector.Id})")]);
    }

    /// <summary>
    /// Records the result of a connection check. Allowed in any state. A failed check of a productive
    /// connection is recorded but does not switch productive mode off: a transient outage of the
    /// marketplace must not stop the business, and background work reports its own failures in the journal.
    /// </summary>
    /// <param name="state">The current state.</param>
    /// <param name="result">What the check found.</param>
    /// <param name="checkedCredentialsRevision">
    /// The <see cref="Connection.CredentialsRevision"/> the check ran against; when credentials changed
    /// since, the result is refused with <see cref="RefusalCode.SettingsChangedDuringCheck"/>.
    /// </param>
    /// <param name="at">When the check finished.</param>
    /// <param name="actor">Who ran the check.</param>
    /// <returns>The state with the check recorded, or the refusal.</returns>
    public static LifecycleResult RecordCheck(Connection state, ConnectionCheckResult result, long checkedCredentialsRevision, Instant at, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(result);
        if (state.CredentialsRevision != checkedCredentialsRevision)
        {
            return LifecycleResult.Refused(state, new RefusalReason(
                RefusalCode.SettingsChangedDuringCheck,
                "Credentials or the endpoint changed while the connection check ran; run the check again."));
        }

        var status = result.Passed ? CheckStatus.Passed : CheckStatus.Failed;
        var detail = result.Passed || !state.IsProductive ? result.Message : $"{result.Message} Productive mode stays on.";
        var next = state with { Check = new ConnectionCheck(status, at, result.Message) };
        return LifecycleResult.Success(next, [new LifecycleTransition(
            state.Id,
            at,
            actor,
            result.Passed ? LifecycleChange.CheckPassed : LifecycleChange.CheckFailed,
            null,
            state.Check.Status.ToString(),
            status.ToString(),
            detail)]);
    }

    /// <summary>
    /// Changes settings. Refused for unknown keys, for a plain value given to a secret field (or a secret
    /// to a plain field), for a plain value with a user name or password in an address
    /// (<c>https://user:secret@shop…</c>), for a changed value the connector finds invalid, for a change of
    /// credentials or endpoint while productive, and for clearing a mandatory field that a feature in integration
    /// mode needs. A change of a field that invalidates the check resets a passed or failed check to
    /// <see cref="CheckStatus.NotChecked"/>.
    /// </summary>
    /// <param name="state">The current state.</param>
    /// <param name="schema">The connector's settings schema.</param>
    /// <param name="update">The values and secrets to set or clear.</param>
    /// <param name="at">Now.</param>
    /// <param name="actor">Who changes the settings.</param>
    /// <param name="validate">
    /// The connector's check of the settings as they would be saved (<see cref="IConnector.ValidateSettings"/>);
    /// only problems of fields this update changes refuse it, so an old value never blocks another change.
    /// </param>
    /// <returns>
    /// The state with the new settings and one <see cref="LifecycleChange.SettingsChanged"/> transition per
    /// changed field (secret fields show only "set", "replaced" or "(not set)"; user names and passwords in an
    /// address as <c>***</c>), or the refusal.
    /// </returns>
    public static LifecycleResult ChangeSettings(
        Connection state,
        SettingsSchema schema,
        SettingsUpdate update,
        Instant at,
        Actor actor,
        Func<ConnectionSettings, IReadOnlyList<SettingProblem>>? validate = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(update);

        var reasons = new List<RefusalReason>();
        var settings = state.Settings;
        var changed = new List<(SettingField Field, string From, string To)>();

        foreach (var (key, value) in update.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var field = schema.FindField(key);
            if (field is null)
            {
                reasons.Add(UnknownSetting(key, schema));
                continue;
            }

            if (field.IsSecret)
            {
                reasons.Add(new RefusalReason(RefusalCode.SecretMismatch, $"'{field.DisplayName}' ({key}) is a secret: set it as a secret, not as a plain value.") { SettingKey = key });
                continue;
            }

            var from = settings.Get(key);
            var to = string.IsNullOrWhiteSpace(value) ? null : value;
            if (to is not null && UrlCredentials.AreIn(to))
            {
                // The value is not repeated: it holds the password.
                reasons.Add(new RefusalReason(RefusalCode.InvalidSetting, UrlCredentials.Refusal(field.DisplayName, key))
                {
                    SettingKey = key,
                });
                continue;
            }

            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                settings = settings.With(key, to);

                changed.Add((field, from ?? NotSet, to ?? NotSet));
            }
        }

        foreach (var (key, secret) in update.Secrets.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var field = schema.FindField(key);
            if (field is null)
            {
                reasons.Add(UnknownSetting(key, schema));
                continue;
            }

            if (!field.IsSecret)
            {
                reasons.Add(new RefusalReason(RefusalCode.SecretMismatch, $"'{field.DisplayName}' ({key}) is not a secret: set it as a plain value.") { SettingKey = key });
                continue;
            }

            var wasSet = settings.SecretsSet.Contains(key);

            // A new secret always counts as a change: its value cannot be compared with the stored one here.
            if (secret is null && !wasSet)
            {
                continue;
            }

            settings = settings.WithSecret(key, secret is not null);
            changed.Add((field, wasSet ? SecretIsSet : NotSet, secret is null ? NotSet : wasSet ? SecretReplaced : SecretIsSet));
        }

        if (validate is not null && changed.Count > 0)
        {
            var changedKeys = changed.Select(c => c.Field.Key).ToHashSet(StringComparer.Ordinal);
            reasons.AddRange(validate(settings)
                .Where(p => changedKeys.Contains(p.Key))
                .Select(p => new RefusalReason(RefusalCode.InvalidSetting, p.Message) { SettingKey = p.Key }));
        }

        var invalidating = changed.Where(c => c.Field.InvalidatesCheck).Select(c => c.Field.Key).ToArray();
        if (state.IsProductive && invalidating.Length > 0)
        {
            reasons.Add(new RefusalReason(
                RefusalCode.ProductiveModeActive,
                $"Switch productive mode off before changing credentials or the endpoint ({string.Join(", ", invalidating)}).")
            {
                SettingKey = invalidating[0],
            });
        }

        var newlyMissing = NewlyMissing(state, schema, settings, changed.Select(c => c.Field.Key).ToHashSet(StringComparer.Ordinal));
        if (newlyMissing.Count > 0)
        {
            reasons.Add(new RefusalReason(
                RefusalCode.MissingMandatorySettings,
                $"Features in integration mode ({string.Join(", ", state.FeaturesInIntegration)}) need these settings, which cannot be cleared: {string.Join("; ", newlyMissing)}.")
            {
                MissingSettings = newlyMissing,
            });
        }

        if (reasons.Count > 0)
        {
            return LifecycleResult.Refused(state, reasons);
        }

        if (changed.Count == 0)
        {
            return LifecycleResult.Unchanged(state);
        }

        var transitions = changed
            .Select(c => new LifecycleTransition(state.Id, at, actor, LifecycleChange.SettingsChanged, GroupOf(schema, c.Field)?.Feature, c.From, c.To, c.Field.Key))
            .ToList();
        var next = state with { Settings = settings };
        if (invalidating.Length > 0)
        {
            next = next with { CredentialsRevision = state.CredentialsRevision + 1, Check = ConnectionCheck.NotChecked };
            if (state.Check.Status != CheckStatus.NotChecked)
            {
                transitions.Add(new LifecycleTransition(
                    state.Id,
                    at,
                    actor,
                    LifecycleChange.CheckReset,
                    null,
                    state.Check.Status.ToString(),
                    nameof(CheckStatus.NotChecked),
                    $"Changed: {string.Join(", ", invalidating)}"));
            }
        }

        return LifecycleResult.Success(next, transitions);
    }

    /// <summary>
    /// Changes a feature's mode. Refused when the connector does not support the feature, when the feature
    /// goes into integration mode while mandatory settings are empty (listed per group), and when the last
    /// feature in integration mode would leave a productive connection.
    /// </summary>
    /// <param name="state">The current state.</param>
    /// <param name="connector">The connection's connector.</param>
    /// <param name="feature">The feature.</param>
    /// <param name="mode">Its new mode.</param>
    /// <param name="at">Now.</param>
    /// <param name="actor">Who changes the mode.</param>
    /// <returns>The state with the new mode and a <see cref="LifecycleChange.FeatureModeChanged"/> transition, or the refusal.</returns>
    /// <exception cref="ArgumentException">The connector is not the connection's connector.</exception>
    public static LifecycleResult SetFeatureMode(Connection state, ConnectorDescriptor connector, FeatureKind feature, FeatureMode mode, Instant at, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(connector);
        if (connector.Id != state.ConnectorId)
        {
            throw new ArgumentException($"Connection '{state.Id}' uses connector '{state.ConnectorId}', not '{connector.Id}'.", nameof(connector));
        }

        if (!connector.Supports(feature))
        {
            return LifecycleResult.Refused(state, new RefusalReason(
                RefusalCode.FeatureNotSupported,
                $"{connector.DisplayName} does not support the feature {feature}; it supports {string.Join(", ", connector.SupportedFeatures)}.")
            {
                Feature = feature,
            });
        }

        var current = state.ModeOf(feature);
        if (current == mode)
        {
            return LifecycleResult.Unchanged(state);
        }

        if (mode == FeatureMode.Integration)
        {
            var missing = connector.Settings.FindMissingMandatory(feature, state.Settings);
            if (missing.Count > 0)
            {
                return LifecycleResult.Refused(state, new RefusalReason(
                    RefusalCode.MissingMandatorySettings,
                    $"{feature} cannot go into integration mode while mandatory settings are empty: {string.Join("; ", missing)}. Fill them in and save, then try again.")
                {
                    Feature = feature,
                    MissingSettings = missing,
                });
            }
        }

        if (current == FeatureMode.Integration && state.IsProductive && state.FeaturesInIntegration.All(f => f == feature))
        {
            return LifecycleResult.Refused(state, new RefusalReason(
                RefusalCode.LastFeatureInIntegration,
                $"{feature} is the last feature in integration mode and the connection is productive: switch productive mode off first, or put another feature into integration mode.")
            {
                Feature = feature,
            });
        }

        return LifecycleResult.Success(
            state.WithFeatureMode(feature, mode),
            [new LifecycleTransition(state.Id, at, actor, LifecycleChange.FeatureModeChanged, feature, current.ToString(), mode.ToString(), null)]);
    }

    /// <summary>
    /// Switches productive mode on or off. On is refused unless the connection check passed and at least
    /// one feature is in integration mode (every reason that applies is returned); off is always allowed.
    /// </summary>
    /// <param name="state">The current state.</param>
    /// <param name="on">Whether the connection should be productive.</param>
    /// <param name="at">Now.</param>
    /// <param name="actor">Who switches.</param>
    /// <returns>The state with the new mode and a <see cref="LifecycleChange.ProductiveOn"/> or <see cref="LifecycleChange.ProductiveOff"/> transition, or the refusal.</returns>
    public static LifecycleResult SetProductiveMode(Connection state, bool on, Instant at, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsProductive == on)
        {
            return LifecycleResult.Unchanged(state);
        }

        if (on)
        {
            var reasons = new List<RefusalReason>();
            if (!state.Check.Passed)
            {
                reasons.Add(new RefusalReason(RefusalCode.CheckNotPassed, state.Check.Status == CheckStatus.Failed
                    ? $"Run the connection check first: the last check failed ({state.Check.Message})."
                    : "Run the connection check first: it has not run since the credentials were last set."));
            }

            if (!state.FeaturesInIntegration.Any())
            {
                reasons.Add(new RefusalReason(RefusalCode.NoFeatureInIntegration, "Put at least one feature into integration mode first."));
            }

            if (reasons.Count > 0)
            {
                return LifecycleResult.Refused(state, reasons);
            }
        }

        return LifecycleResult.Success(
            state with { IsProductive = on },
            [new LifecycleTransition(state.Id, at, actor, on ? LifecycleChange.ProductiveOn : LifecycleChange.ProductiveOff, null, on ? "Off" : "On", on ? "On" : "Off", null)]);
    }

    /// <summary>Changes the import mode; allowed at any time.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="mode">The new import mode.</param>
    /// <param name="at">Now.</param>
    /// <param name="actor">Who changes it.</param>
    /// <returns>The state with the new mode and an <see cref="LifecycleChange.ImportModeChanged"/> transition.</returns>
    public static LifecycleResult SetImportMode(Connection state, ImportMode mode, Instant at, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.ImportMode == mode)
        {
            return LifecycleResult.Unchanged(state);
        }

        return LifecycleResult.Success(
            state with { ImportMode = mode },
            [new LifecycleTransition(state.Id, at, actor, LifecycleChange.ImportModeChanged, null, state.ImportMode.ToString(), mode.ToString(), null)]);
    }

    private static RefusalReason UnknownSetting(string key, SettingsSchema schema) => new(
        RefusalCode.UnknownSetting,
        $"There is no setting {QuotedValue.Of(key)}. Known settings: {string.Join(", ", schema.Fields.Select(f => f.Key))}.")
    {
        SettingKey = key,
    };

    private static SettingsGroup? GroupOf(SettingsSchema schema, SettingField field) =>
        schema.Groups.FirstOrDefault(g => g.Fields.Contains(field));

    // Only fields this update empties count: a field that was already missing (say, after a connector
    // upgrade added one) must not block unrelated edits that might be the fix.
    private static List<MissingSettings> NewlyMissing(Connection state, SettingsSchema schema, ConnectionSettings settings, HashSet<string> changedKeys) =>
        state.FeaturesInIntegration
            .SelectMany(feature => schema.FindMissingMandatory(feature, settings))
            .GroupBy(m => m.Group)
            .Select(g => new MissingSettings(g.Key, g.SelectMany(m => m.Fields).Distinct().Where(f => changedKeys.Contains(f.Key)).ToArray()))
            .Where(m => m.Fields.Count > 0)
            .ToList();
}
