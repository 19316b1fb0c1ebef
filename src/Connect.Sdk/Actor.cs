namespace Connect.Sdk;

/// <summary>
/// Who caused a change: a user of the ERP, or the SDK itself. Recorded with every lifecycle transition
/// and journal action so a support engineer can tell who switched a connection to productive mode.
/// </summary>
public readonly record struct Actor
{
    private readonly string? _name;

    /// <summary>The SDK acting on its own (scheduled work, automatic transitions).</summary>
    public static Actor System { get; } = new("system");

    /// <summary>Creates an actor with the name the host uses for a user, e.g. a login name.</summary>
    /// <param name="name">A non-empty name.</param>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public Actor(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name.Trim();
    }

    /// <summary>The actor's name.</summary>
    public string Name => _name ?? "system";

    /// <inheritdoc />
    public override string ToString() => Name;
}
