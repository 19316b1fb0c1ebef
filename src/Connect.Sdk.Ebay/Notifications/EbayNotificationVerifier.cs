using System.Security.Cryptography;

namespace Connect.Sdk.Ebay.Notifications;

/// <summary>
/// Verifies eBay's notifications (marketplace account deletion and the other topics signed the same way): the
/// <c>X-EBAY-SIGNATURE</c> header names a public key (<c>kid</c>) and carries an ECDSA signature with SHA-1; the key comes
/// from the Notification API's <c>getPublicKey</c> (<see cref="EbayNotificationPublicKeys"/>) or any other source. eBay's
/// SDKs verify the signature over the parsed message written again as <c>JSON.stringify</c> writes it, not over the
/// body's bytes; the verifier accepts a signature over either (<see cref="EbaySignedBytes"/>), so a body that reaches it
/// indented or with other whitespace verifies as it does in eBay's SDK. Framework-free: pass the header and the raw body
/// bytes; answer eBay 204 when it is valid and 412 when not, as eBay's notification SDKs do.
/// </summary>
public sealed class EbayNotificationVerifier
{
    private readonly Func<string, CancellationToken, ValueTask<string?>> _publicKeyOf;

    /// <summary>Creates a verifier.</summary>
    /// <param name="publicKeyOf">
    /// The public key of a key id as <c>getPublicKey</c>'s <c>key</c> gives it (PEM, the armour on one line or several),
    /// or <see langword="null"/> for a key eBay does not know; e.g. <see cref="EbayNotificationPublicKeys.KeyOfAsync"/>.
    /// </param>
    public EbayNotificationVerifier(Func<string, CancellationToken, ValueTask<string?>> publicKeyOf)
    {
        ArgumentNullException.ThrowIfNull(publicKeyOf);
        _publicKeyOf = publicKeyOf;
    }

    /// <summary>Whether a notification is eBay's, unchanged.</summary>
    /// <param name="signatureHeader">The <c>X-EBAY-SIGNATURE</c> header's value; <see langword="null"/> when missing.</param>
    /// <param name="body">The request body's bytes as received.</param>
    /// <param name="cancellationToken">Cancels fetching the key.</param>
    /// <returns>
    /// <see langword="true"/> when the header is eBay's ECDSA/SHA1 shape and the signature verifies with the named key;
    /// <see langword="false"/> for a missing or malformed header, another algorithm, an unknown key or a wrong signature.
    /// </returns>
    public async ValueTask<bool> VerifyAsync(string? signatureHeader, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (EbaySignatureHeader.Parse(signatureHeader) is not { } header
            || !header.Algorithm.Equals("ecdsa", StringComparison.OrdinalIgnoreCase)
            || !header.Digest.Equals("SHA1", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (await _publicKeyOf(header.KeyId, cancellationToken).ConfigureAwait(false) is not { } pem)
        {
            return false;
        }

        using var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(WithLineBreaks(pem));
        }
        catch (ArgumentException)
        {
            return false;
        }

        return Verifies(key, body.Span, header.Signature)
            || (EbaySignedBytes.Restringified(body) is { } restringified && Verifies(key, restringified, header.Signature));
    }

    // eBay signs with SHA-1, as its header says; the weak digest is eBay's choice, not the verifier's.
#pragma warning disable CA5350
    private static bool Verifies(ECDsa key, ReadOnlySpan<byte> data, byte[] signature) =>
        key.VerifyData(data, signature, HashAlgorithmName.SHA1, DSASignatureFormat.Rfc3279DerSequence);
#pragma warning restore CA5350

    // getPublicKey answers the PEM armour on one line with the key; ImportFromPem needs the armour on lines of its own.
    private static string WithLineBreaks(string pem) => pem
        .Replace("-----BEGIN PUBLIC KEY-----", "-----BEGIN PUBLIC KEY-----\n", StringComparison.Ordinal)
        .Replace("-----END PUBLIC KEY-----", "\n-----END PUBLIC KEY-----", StringComparison.Ordinal);
}
