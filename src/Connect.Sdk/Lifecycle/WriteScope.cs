namespace Connect.Sdk.Lifecycle;

/// <summary>What an allowed action may change on the marketplace.</summary>
public enum WriteScope
{
    /// <summary>Every mapped article and order may be written.</summary>
    All,

    /// <summary>
    /// Test phase (productive mode off): writes are limited to the restricted article mapping, the test
    /// subset the user chose ("eingeschränkte Artikelzuordnung").
    /// </summary>
    RestrictedMapping,

    /// <summary>
    /// Import mode <see cref="ImportMode.Demo"/>: nothing is changed on the marketplace; each write that
    /// would have happened is journaled as skipped.
    /// </summary>
    Suppressed,
}
