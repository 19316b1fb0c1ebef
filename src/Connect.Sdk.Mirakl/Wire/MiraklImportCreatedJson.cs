using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>STO01's and PRI01's answer: the new import's id, a string or a number.</summary>
internal sealed record MiraklImportCreatedJson([property: JsonPropertyName("import_id")] JsonElement ImportId);
