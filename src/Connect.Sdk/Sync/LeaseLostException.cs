namespace Connect.Sdk.Sync;

/// <summary>
/// A store refused a write because the lease it was made under is no longer its key's current one: the lease lapsed
/// and another worker acquired the key (or the lease was released). The refused write changed nothing. The engine
/// ends such a run as <see cref="WorkRunOutcome.LeaseLost"/>; the worker that holds the lease now does the work.
/// </summary>
public sealed class LeaseLostException : ConnectSdkException
{
    /// <summary>Creates the exception for a lease that is no longer held.</summary>
    /// <param name="lease">The lease the refused write was made under.</param>
    public LeaseLostException(WorkLease lease)
        : base(ConnectSdkErrorCode.Conflict, Describe(lease))
    {
        LeaseKey = lease?.Key ?? string.Empty;
    }

    /// <summary>Creates the exception with a message; prefer the constructor that takes the lease.</summary>
    /// <param name="message">What was refused.</param>
    public LeaseLostException(string message)
        : base(ConnectSdkErrorCode.Conflict, message)
    {
        LeaseKey = string.Empty;
    }

    /// <summary>Creates the exception with a message and its cause; prefer the constructor that takes the lease.</summary>
    /// <param name="message">What was refused.</param>
    /// <param name="innerException">The cause.</param>
    public LeaseLostException(string message, Exception? innerException)
        : base(ConnectSdkErrorCode.Conflict, message, innerException)
    {
        LeaseKey = string.Empty;
    }

    /// <summary>Creates the exception with no message; prefer the constructor that takes the lease.</summary>
    public LeaseLostException()
        : this("A write was refused: the work lease it was made under is no longer held.")
    {
    }

    /// <summary>The key of the lost lease, e.g. <c>connection:shop-1</c>.</summary>
    public string LeaseKey { get; }

    private static string Describe(WorkLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return $"The write was refused: the lease on '{lease.Key}' (token {lease.Token}, held by worker '{lease.Owner}') is no longer current, as another worker took the work over or the lease was released. Nothing was written.";
    }
}
