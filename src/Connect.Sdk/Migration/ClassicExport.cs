using Connect.Sdk.Connectors;

namespace Connect.Sdk.Migration;

/// <summary>
/// A classic connection's export, and the connector connection it is migrated to: the foreign-number table as
/// the classic import centre writes it (<c>Artikelnummer;Bezeichnung;Fremdnummer</c> with the classic labels), and
/// the settings.
/// </summary>
public sealed class ClassicExport
{
    private readonly byte[] _foreignNumbersCsv;

    /// <summary>Creates an export.</summary>
    /// <param name="target">The connector connection to create or update.</param>
    /// <param name="connector">The connector of the target connection, whose foreign-number rules apply.</param>
    /// <param name="name">The name users see for a connection the migration creates.</param>
    /// <param name="settings">The classic connection's settings.</param>
    /// <param name="foreignNumbersCsv">The foreign-number CSV file's bytes, in any encoding the foreign-number import reads.</param>
    public ClassicExport(ConnectionId target, ConnectorId connector, string name, ClassicSettings settings, ReadOnlySpan<byte> foreignNumbersCsv)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(settings);
        Target = target;
        Connector = connector;
        Name = name;
        Settings = settings;
        _foreignNumbersCsv = foreignNumbersCsv.ToArray();
    }

    /// <summary>The connector connection to create or update.</summary>
    public ConnectionId Target { get; }

    /// <summary>The connector of the target connection.</summary>
    public ConnectorId Connector { get; }

    /// <summary>The name users see for a connection the migration creates.</summary>
    public string Name { get; }

    /// <summary>The classic connection's settings.</summary>
    public ClassicSettings Settings { get; }

    /// <summary>The foreign-number CSV file's bytes.</summary>
    internal byte[] ForeignNumbersCsv => _foreignNumbersCsv;

    /// <summary>Reads an export whose foreign-number table is a file or stream.</summary>
    /// <param name="target">The connector connection to create or update.</param>
    /// <param name="connector">The connector of the target connection.</param>
    /// <param name="name">The name users see for a connection the migration creates.</param>
    /// <param name="settings">The classic connection's settings.</param>
    /// <param name="foreignNumbersCsv">The foreign-number CSV, read to its end; left open.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The export.</returns>
    public static async Task<ClassicExport> ReadAsync(ConnectionId target, ConnectorId connector, string name, ClassicSettings settings, Stream foreignNumbersCsv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(foreignNumbersCsv);
        using var bytes = new MemoryStream();
        await foreignNumbersCsv.CopyToAsync(bytes, cancellationToken).ConfigureAwait(false);
        return new ClassicExport(target, connector, name, settings, bytes.ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => $"classic export to {Target} ({Connector}): {Settings}";
}
