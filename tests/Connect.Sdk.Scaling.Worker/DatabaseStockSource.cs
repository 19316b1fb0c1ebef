using Connect.Sdk.Stock;
using Npgsql;

namespace Connect.Sdk.Scaling.Worker;

/// <summary>The ERP's stock levels in <c>scaling_stock</c>, which the marketplace process changes while the workers run.</summary>
internal sealed class DatabaseStockSource(NpgsqlDataSource dataSource) : IStockSource
{
    public async ValueTask<IReadOnlyList<StockLevel>> GetStockAsync(IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleNumbers);
        await using var command = dataSource.CreateCommand("SELECT article_number, on_hand FROM scaling_stock WHERE article_number = ANY($1)");
        command.Parameters.AddWithValue(articleNumbers.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var levels = new List<StockLevel>();
        while (await reader.ReadAsync(cancellationToken))
        {
            levels.Add(new StockLevel(reader.GetString(0), reader.GetDecimal(1), 0m));
        }

        return levels;
    }
}
