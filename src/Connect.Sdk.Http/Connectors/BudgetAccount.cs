using System.Security.Cryptography;
using System.Text;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Http;

/// <summary>
/// Names a rate budget's account after a client key without revealing it: budget accounts appear in metrics, logs
/// and the shared budget store, where a key must not.
/// </summary>
public static class BudgetAccount
{
    /// <summary>
    /// The account for a marketplace and a client key: <c>basar:</c> and the first 16 hex digits of the key's SHA-256.
    /// Connections with one key share one budget, as the marketplace counts requests per key.
    /// </summary>
    /// <param name="marketplace">The marketplace's prefix, e.g. <c>basar</c>.</param>
    /// <param name="clientKey">The key the marketplace counts requests by.</param>
    /// <returns>The account name.</returns>
    public static string Of(string marketplace, SecretValue clientKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(marketplace);
        ArgumentNullException.ThrowIfNull(clientKey);
        // 64 bits tell keys apart within any one host; a longer prefix would only lengthen metric labels.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(clientKey.Reveal()));
        return $"{marketplace}:{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }
}
