namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// A foreign number as a user gave it, before validation: one CSV line of the import, or one entry in the
/// article's foreign-number tab. Fields are raw text; surrounding white space is ignored.
/// </summary>
/// <param name="ArticleNumber">The ERP article number.</param>
/// <param name="Label">The label ("Bezeichnung"), canonical or alternative, in any case.</param>
/// <param name="Value">The foreign number (the marketplace's identifier).</param>
/// <param name="LineNumber">Where the row came from, for the report; the CSV import sets the 1-based line.</param>
public sealed record ForeignNumberRow(string ArticleNumber, string Label, string Value, int? LineNumber = null);
