namespace Connect.Sdk.Scaling.Worker;

/// <summary>Who wrote a row of the proof's tables: the worker's <c>WorkerId</c> and its operating-system process id.</summary>
/// <param name="Id">The worker id (<c>ConnectSdkOptions.WorkerId</c>).</param>
/// <param name="ProcessId">The process id.</param>
internal sealed record WorkerIdentity(string Id, int ProcessId);
