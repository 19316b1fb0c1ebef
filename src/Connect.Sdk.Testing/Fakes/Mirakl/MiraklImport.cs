using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Mirakl;

/// <summary>A file import (STO01 stock or PRI01 prices): queued, then processed line by line when it is due.</summary>
internal sealed class MiraklImport
{
    public required string Id { get; init; }

    /// <summary><c>stock</c> or <c>pricing</c>.</summary>
    public required string Kind { get; init; }

    public required Instant Created { get; init; }

    public required Instant Due { get; init; }

    /// <summary>The file as uploaded, header first.</summary>
    public required List<string[]> Rows { get; init; }

    public bool Processed { get; set; }

    public int LinesInSuccess { get; set; }

    /// <summary>The error report's lines: the file's line number, the reason, then the line's values.</summary>
    public List<string[]> Errors { get; } = [];

    /// <summary>Why the whole file failed, or <see langword="null"/>.</summary>
    public string? FailureReason { get; set; }
}
