namespace Connect.Sdk.Testing.Conformance;

/// <summary>
/// A conformance check found the connector (or its fake) wrong; the message says what, where and why. Framework-free,
/// so the same checks fail the same way under xUnit v2, xUnit v3 or any other runner: every one of them reports an
/// exception from a test as its failure.
/// </summary>
public sealed class ConformanceException : Exception
{
    /// <summary>Creates the failure.</summary>
    /// <param name="message">What the check found wrong.</param>
    public ConformanceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the failure with its cause.</summary>
    /// <param name="message">What the check found wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ConformanceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the failure without a message; prefer the constructors that take one.</summary>
    public ConformanceException()
        : base("A conformance check failed.")
    {
    }
}
