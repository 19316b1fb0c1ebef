using System.Reflection;
using System.Text;

namespace Connect.Sdk.CredentialScan.Tests;

/// <summary>
/// The run-wide credential scan: runs every test of the marketplace adapters' test assemblies in this process, then
/// searches every line any of them logged for every credential any of them used (both recorded by
/// <c>AdapterTestLog</c>, which each adapter test project compiles in). One line anywhere with a token, key or secret
/// in it — raw, URL-encoded, JSON-escaped, or as the Basic credentials of two of them — fails the scan.
/// </summary>
public sealed class CredentialScanTests
{
    private const string AdapterTestLogType = "Connect.Sdk.TestSupport.AdapterTestLog";

    /// <summary>The adapter test assemblies, one per marketplace package.</summary>
    public static readonly string[] AdapterTestAssemblies =
    [
        "Connect.Sdk.Shopify.Tests",
        "Connect.Sdk.WooCommerce.Tests",
        "Connect.Sdk.Amazon.Tests",
        "Connect.Sdk.Kaufland.Tests",
        "Connect.Sdk.Otto.Tests",
        "Connect.Sdk.Shopware.Tests",
        "Connect.Sdk.Mirakl.Tests",
        "Connect.Sdk.Ebay.Tests",
    ];

    /// <summary>
    /// Far above an adapter assembly's run (under half a minute alone, a few minutes on a loaded 2-core machine), far
    /// below CI's limit: a hung test fails the scan with its name instead of stalling the whole run.
    /// </summary>
    private static readonly TimeSpan PerAssemblyDeadline = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task AdapterTests_WholeRun_NoCredentialInAnyLogLine()
    {
        var findings = new List<string>();
        foreach (var name in AdapterTestAssemblies)
        {
            var assembly = Assembly.Load(name);
            var run = await InProcessTestRun.RunAsync(assembly, PerAssemblyDeadline);

            // A scan of a run that did not happen, or did not happen as the tests intend, would pass for the wrong reason:
            // a failed test may have stopped before the lines worth searching.
            Assert.True(run.Passed > 0, $"{name}: no test ran.");
            Assert.True(run.Failures.Count == 0, $"{name}: {run.Failures.Count} tests failed in the scan's run, so its log does not stand for the whole run:\n{string.Join('\n', run.Failures)}");

            var (lines, secrets) = RecordOf(assembly);
            Assert.True(lines.Count > 0, $"{name}: its tests logged nothing through AdapterTestLog.");
            Assert.True(secrets.Count > 0, $"{name}: its tests registered no credential with AdapterTestLog.Secret.");
            findings.AddRange(Scan(name, lines, secrets));
        }

        Assert.True(findings.Count == 0, "Credentials found in log lines:\n" + string.Join('\n', findings.Take(20)));
    }

    [Fact]
    public void Scan_LineWithAnEncodedCredential_IsFound()
    {
        // The scan itself must catch each form a credential takes on the wire.
        string[] secrets = ["ck_0123456789", "cs/secret+value"];
        string[] lines =
        [
            "GET /products?consumer_key=ck_0123456789 answered 200",
            "POST /token failed: client_secret=cs%2Fsecret%2Bvalue",
            "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ck_0123456789:cs/secret+value")),
            "GET /orders answered 200",
        ];

        var findings = Scan("sample", lines, secrets);

        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.DoesNotContain("0123456789", f, StringComparison.Ordinal));
    }

    private static (IReadOnlyList<string> Lines, IReadOnlyCollection<string> Secrets) RecordOf(Assembly assembly)
    {
        var log = assembly.GetType(AdapterTestLogType, throwOnError: false)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} does not compile AdapterTestLog in; set CapturesAdapterLogs in its project.");
        var lines = (IReadOnlyList<string>)log.GetProperty("Lines")!.GetValue(null)!;
        var secrets = (IReadOnlyCollection<string>)log.GetProperty("Secrets")!.GetValue(null)!;
        return (lines, secrets);
    }

    private static List<string> Scan(string assembly, IReadOnlyList<string> lines, IReadOnlyCollection<string> secrets)
    {
        var forms = FormsOf(secrets);
        var findings = new List<string>();
        foreach (var line in lines)
        {
            foreach (var (form, secret) in forms)
            {
                if (line.Contains(form, StringComparison.Ordinal))
                {
                    // The report must not repeat the credential it found.
                    findings.Add($"{assembly}: a credential of {secret.Length} characters starting '{secret[..Math.Min(3, secret.Length)]}' in: {line.Replace(form, "***", StringComparison.Ordinal)}");
                    break;
                }
            }
        }

        return findings;
    }

    private static List<(string Form, string Secret)> FormsOf(IReadOnlyCollection<string> secrets)
    {
        var forms = new List<(string, string)>();
        foreach (var secret in secrets)
        {
            forms.Add((secret, secret));
            forms.Add((Uri.EscapeDataString(secret), secret));
            forms.Add((System.Text.Json.JsonEncodedText.Encode(secret).ToString(), secret));
            foreach (var other in secrets)
            {
                // HTTP Basic credentials of a key and its secret (WooCommerce), in either order.
                forms.Add((Convert.ToBase64String(Encoding.UTF8.GetBytes($"{secret}:{other}")), secret));
            }
        }

        return [.. forms.Where(f => f.Item1.Length >= 6).DistinctBy(f => f.Item1).OrderByDescending(f => f.Item1.Length)];
    }
}
