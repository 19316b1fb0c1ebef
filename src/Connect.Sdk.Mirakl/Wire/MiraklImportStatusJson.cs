using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>A file import's status (STO02, an entry of PRI02's <c>data</c>); the id is a string or a number.</summary>
internal sealed record MiraklImportStatusJson(
    [property: JsonPropertyName("import_id")] JsonElement? ImportId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("reason_status")] string? ReasonStatus,
    [property: JsonPropertyName("has_error_report")] bool? HasErrorReport,
    [property: JsonPropertyName("lines_in_error")] int? LinesInError,
    [property: JsonPropertyName("lines_in_success")] int? LinesInSuccess);
