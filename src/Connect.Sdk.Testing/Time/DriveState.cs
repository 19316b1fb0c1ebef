namespace Connect.Sdk.Testing.Time;

/// <summary>One consistent reading of a <see cref="WaitAwareFakeTime"/>, taken under its gate, that a drive decides on.</summary>
/// <param name="Version">Counted up by every change of the time's waits, timers and wire.</param>
/// <param name="WaitsForTime">Whether the work waits for time alone.</param>
/// <param name="NextDue">When the earliest armed timer is due, if any is.</param>
/// <param name="Changed">Completes at the next change after the reading.</param>
/// <param name="Busy">Whether anything is pending: a wait armed, a request on the wire or a caller handed back.</param>
/// <param name="HandedBack">Whether callers whose answers came back over the wire wait for the drive to resume them.</param>
internal readonly record struct DriveState(long Version, bool WaitsForTime, DateTimeOffset? NextDue, Task Changed, bool Busy, bool HandedBack);
