using NodaTime;

namespace Connect.Sdk.Orders;

/// <summary>
/// Where a scheduled order import resumes: orders changed at or after <see cref="ChangedSince"/>.
/// The SDK keeps it per connection and moves it forward as pages arrive.
/// </summary>
/// <param name="ChangedSince">The earliest change time to fetch.</param>
public readonly record struct OrderCursor(Instant ChangedSince);
