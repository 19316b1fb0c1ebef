namespace Connect.Sdk.Testing.Faults;

/// <summary>A fault a fake injected: which request (counted from one), which operation, what fault.</summary>
/// <param name="RequestNumber">The fake's request counter when the fault was injected.</param>
/// <param name="Operation">The marketplace operation, e.g. <c>orders.list</c>.</param>
/// <param name="Kind">The fault.</param>
public sealed record InjectedFault(int RequestNumber, string Operation, FaultKind Kind);
