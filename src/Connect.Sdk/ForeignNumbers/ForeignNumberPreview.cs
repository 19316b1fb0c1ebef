namespace Connect.Sdk.ForeignNumbers;

/// <summary>What an import would do, computed without writing: the rows read, the mappings it would write and the issues.</summary>
/// <param name="Rows">The data rows read, with their lines.</param>
/// <param name="Valid">The mappings that pass every check against the rules, the ERP's articles and the store.</param>
/// <param name="Issues">Every row refused, with its line and field, and issues with the file as a whole.</param>
internal sealed record ForeignNumberPreview(
    IReadOnlyList<ForeignNumberRow> Rows,
    IReadOnlyList<(ForeignNumberRow Row, ForeignNumberMapping Mapping)> Valid,
    IReadOnlyList<ForeignNumberIssue> Issues);
