using Connect.Sdk.Orders;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Quartz;

/// <summary>
/// The ERP's order book that every node of the cluster hands orders to, as one ERP database would be: each hand-over is
/// kept with the node that made it, a repeated one too (unlike <see cref="InMemoryOrderSink"/>, which answers a repeat
/// with the first reference), so a test sees an order booked twice.
/// </summary>
internal sealed class BookedOrders
{
    private readonly List<(string OrderNumber, string Node)> _handOvers = [];
    private readonly ChangeSignal _changed = new();

    /// <summary>Every hand-over so far, in order.</summary>
    public IReadOnlyList<(string OrderNumber, string Node)> HandOvers
    {
        get
        {
            lock (_handOvers)
            {
                return [.. _handOvers];
            }
        }
    }

    /// <summary>The order sink of one node.</summary>
    public IOrderSink SinkFor(string node) => new NodeSink(this, node);

    /// <summary>
    /// Waits until <paramref name="count"/> hand-overs were made, or fails at the deadline naming what was awaited and
    /// what was booked.
    /// </summary>
    public async Task WaitForAsync(int count, string awaited, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        while (true)
        {
            var next = _changed.Next;
            var booked = HandOvers;
            if (booked.Count >= count)
            {
                return;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Waited {deadline} for {awaited}: {count} orders were not booked; booked: {string.Join(", ", booked.Select(b => $"{b.OrderNumber} by {b.Node}"))}.");
            }
        }
    }

    private void Add(string orderNumber, string node)
    {
        lock (_handOvers)
        {
            _handOvers.Add((orderNumber, node));
        }

        _changed.Pulse();
    }

    private sealed class NodeSink(BookedOrders book, string node) : IOrderSink
    {
        private int _sequence;

        public ValueTask<ErpOrderReference> HandOverAsync(OrderHandOver handOver, CancellationToken cancellationToken)
        {
            book.Add(handOver.Order.OrderNumber, node);
            return ValueTask.FromResult(new ErpOrderReference($"{node}-{Interlocked.Increment(ref _sequence)}"));
        }
    }
}
