using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Settings;
using Xunit;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance checks of <see cref="ISecretProtector"/>: derive a test class from the shell that makes each check a
/// test (<see cref="SecretProtectorContract"/> for xUnit v2, <c>Connect.Sdk.Testing.XunitV3.Stores.SecretProtectorContract</c>
/// for xUnit v3) and supply a protector with keys of its own. The second instance is a protector over the same keys, as
/// another process of the host would build it.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class SecretProtectorChecks : StoreContract<ISecretProtector>
{
    private static readonly ConnectionId Shop = new("protector-kit-shop");
    private static readonly ConnectionId OtherShop = new("protector-kit-other");

    // Long, with characters that are escaped in URLs and JSON, and beyond Latin-1.
    private const string Secret = "shpat_kit-Sécret/+=\"\\ 🔑 0123456789abcdef0123456789abcdef";

    /// <summary>A protected secret reads back unchanged, also through a second protector over the same keys.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Unprotect_WhatWasProtected_ReturnsTheSecret()
    {
        var protector = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(protector);

        var stored = await protector.ProtectAsync(Shop, "accessToken", new SecretValue(Secret), CancellationToken.None);

        Assert.Equal(Secret, (await protector.UnprotectAsync(Shop, "accessToken", stored, CancellationToken.None)).Reveal());
        Assert.Equal(Secret, (await other.UnprotectAsync(Shop, "accessToken", stored, CancellationToken.None)).Reveal());
    }

    /// <summary>What a store writes never equals nor contains the secret, in any of the ways a file could show it.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Protect_Secret_StoredTextNeverShowsIt()
    {
        var protector = await CreateStoreAsync();

        var stored = await protector.ProtectAsync(Shop, "accessToken", new SecretValue(Secret), CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(protector.Scheme), "A protector names its scheme, which a store records beside each value.");
        Assert.NotEqual(Secret, stored);
        Assert.DoesNotContain("0123456789abcdef", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Secret)), stored, StringComparison.Ordinal);
    }

    /// <summary>A protected text with one character changed is refused with an error that names the row, never the secret.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Unprotect_TamperedText_ThrowsNamingTheRowNotTheSecret()
    {
        var protector = await CreateStoreAsync();
        var stored = await protector.ProtectAsync(Shop, "accessToken", new SecretValue(Secret), CancellationToken.None);
        var middle = stored.Length / 2;
        var tampered = string.Concat(stored.AsSpan(0, middle), stored[middle] == 'A' ? "B" : "A", stored.AsSpan(middle + 1));

        var error = await Assert.ThrowsAsync<SecretProtectionException>(async () => await protector.UnprotectAsync(Shop, "accessToken", tampered, CancellationToken.None));

        AssertNamesTheRowOnly(error, Shop, "accessToken", stored);
    }

    /// <summary>A protected text copied to another connection's or setting's row does not give that row a secret.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Unprotect_TextOfAnotherRow_Throws()
    {
        var protector = await CreateStoreAsync();
        var stored = await protector.ProtectAsync(Shop, "accessToken", new SecretValue(Secret), CancellationToken.None);

        var otherConnection = await Assert.ThrowsAsync<SecretProtectionException>(async () => await protector.UnprotectAsync(OtherShop, "accessToken", stored, CancellationToken.None));
        var otherKey = await Assert.ThrowsAsync<SecretProtectionException>(async () => await protector.UnprotectAsync(Shop, "apiSecret", stored, CancellationToken.None));

        AssertNamesTheRowOnly(otherConnection, OtherShop, "accessToken", stored);
        AssertNamesTheRowOnly(otherKey, Shop, "apiSecret", stored);
    }

    private static void AssertNamesTheRowOnly(SecretProtectionException error, ConnectionId connection, string key, string stored)
    {
        Assert.Equal(connection, error.Connection);
        Assert.Equal(key, error.SettingKey);
        Assert.Contains(connection.Value, error.Message, StringComparison.Ordinal);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(stored, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal);
        }
    }
}
