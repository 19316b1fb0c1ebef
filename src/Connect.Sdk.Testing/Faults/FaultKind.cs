namespace Connect.Sdk.Testing.Faults;

/// <summary>What a fake marketplace can do wrong on purpose.</summary>
public enum FaultKind
{
    /// <summary>Answer 500 Internal Server Error.</summary>
    ServerError,

    /// <summary>Answer 503 Service Unavailable.</summary>
    ServiceUnavailable,

    /// <summary>Answer 429 Too Many Requests with the marketplace's rate-limit headers and a Retry-After.</summary>
    TooManyRequests,

    /// <summary>Take longer than any sensible client timeout before answering.</summary>
    Timeout,

    /// <summary>Close the connection without an answer.</summary>
    DroppedConnection,

    /// <summary>Answer correctly, but slowly.</summary>
    SlowResponse,

    /// <summary>Answer 200 with a body that is not JSON.</summary>
    MalformedJson,

    /// <summary>Answer 200 with JSON cut off in the middle.</summary>
    TruncatedJson,

    /// <summary>Accept a batch but reject some of its records, as the marketplace reports partial failures.</summary>
    PartialBatchFailure,
}
