namespace Connect.Sdk.ForeignNumbers;

/// <summary>The outcome of validating rows: the mappings to write, with the row each came from, and the issues.</summary>
internal sealed record ForeignNumberValidation(
    IReadOnlyList<(ForeignNumberRow Row, ForeignNumberMapping Mapping)> Valid,
    IReadOnlyList<ForeignNumberIssue> Issues);
