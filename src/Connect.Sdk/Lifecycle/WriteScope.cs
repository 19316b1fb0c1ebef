namespace Connect.Sdk.Lifecycle;

/// <summary>What an allowed action may change on the marketplace.</summary>
public enum WriteScope
{
    /// <summary>Every mapped article and order may be written.</summary>
    All,

    /// <summary>
    /// Test phase (productive mode off, or the feature still in Test mode): writes are limited to the restricted article mapping, the test
    /// subset the user chose ("eingeschränkte Artikelzuordnung").
    /// </summary>
    RestrictedMapping,

    /// <summary>
    /// Import mode <see cref="ImportMode.Demo"/>: nothing is changed on the marketplace; each write that
    /// would have happened is journaled as not synced, with a message saying what was not sent and why.
    /// </summary>
    Suppressed,
}
