using Connect.Sdk;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Sync;
using LifecycleWalkthrough.DemoShop;
using Microsoft.Extensions.DependencyInjection;

namespace LifecycleWalkthrough;

/// <summary>
/// The seeds' go-live story for one connection, step by step: created with productive mode off, checked,
/// foreign numbers imported, tested on the restricted mapping, integration mode (refused, then accepted),
/// productive mode. Every refusal the SDK gives on the way is printed with its reasons.
/// </summary>
internal sealed class Walkthrough(IServiceProvider services, TextWriter output)
{
    private static readonly ConnectionId Connection = new("demoshop-de");
    private static readonly Actor Anna = new("anna");

    private readonly ConnectionLifecycle _lifecycle = services.GetRequiredService<ConnectionLifecycle>();
    private int _step;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Step("Create the connection: productive mode is off until everything is tested");
        Show(await _lifecycle.CreateAsync(Connection, DemoShopConnector.Id, "Demo Shop Germany", Anna, cancellationToken));

        Step("Try productive mode straight away");
        Show(await _lifecycle.SetProductiveModeAsync(Connection, true, Anna, cancellationToken));

        Step("Enter the shop URL and a mistyped token, then check the connection (no data is exchanged)");
        var wrongCredentials = SettingsUpdate.Empty.Set("shopUrl", "demo-shop.example").SetSecret("apiToken", new SecretValue("demo-token-typo"));
        Show(await _lifecycle.UpdateSettingsAsync(Connection, wrongCredentials, Anna, cancellationToken));
        Show(await _lifecycle.RunConnectionCheckAsync(Connection, Anna, cancellationToken));

        Step("Correct the token and check again");
        Show(await _lifecycle.UpdateSettingsAsync(Connection, SettingsUpdate.Empty.SetSecret("apiToken", new SecretValue(DemoShopConnector.ValidToken)), Anna, cancellationToken));
        Show(await _lifecycle.RunConnectionCheckAsync(Connection, Anna, cancellationToken));

        Step("Import foreign numbers from a CSV file (Importzentrale): good rows are kept, bad rows reported");
        await ImportForeignNumbersAsync(cancellationToken);

        Step("Test phase: select the stock feature; in import mode Demo nothing is written to the shop");
        Show(await _lifecycle.SetFeatureModeAsync(Connection, FeatureKind.Stock, FeatureMode.Test, Anna, cancellationToken));
        await ShowDecisionAsync(FeatureKind.Stock, SyncTrigger.Manual, cancellationToken);

        Step("Import mode Automatic, writes restricted to two articles (the restricted article mapping)");
        Show(await _lifecycle.SetImportModeAsync(Connection, ImportMode.Automatic, Anna, cancellationToken));
        await services.GetRequiredService<IForeignNumberStore>().SetRestrictedMappingAsync(Connection, new RestrictedArticleMapping("4711", "5000"), cancellationToken);
        await ShowDecisionAsync(FeatureKind.Stock, SyncTrigger.Manual, cancellationToken);
        await ShowDecisionAsync(FeatureKind.Stock, SyncTrigger.Scheduled, cancellationToken);

        Step("Put the stock feature in integration mode");
        Show(await _lifecycle.SetFeatureModeAsync(Connection, FeatureKind.Stock, FeatureMode.Integration, Anna, cancellationToken));

        Step("Fill the missing warehouse and try again");
        Show(await _lifecycle.UpdateSettingsAsync(Connection, SettingsUpdate.Empty.Set("warehouse", "Main warehouse"), Anna, cancellationToken));
        Show(await _lifecycle.SetFeatureModeAsync(Connection, FeatureKind.Stock, FeatureMode.Integration, Anna, cancellationToken));

        Step("Productive mode on: background work may start");
        var productive = await _lifecycle.SetProductiveModeAsync(Connection, true, Anna, cancellationToken);
        Show(productive);
        await ShowDecisionAsync(FeatureKind.Stock, SyncTrigger.Scheduled, cancellationToken);
        await ShowDecisionAsync(FeatureKind.Orders, SyncTrigger.Scheduled, cancellationToken);

        Step("The host's scheduler asks what is due and runs it: stock goes out, each number explained");
        var engine = services.GetRequiredService<SyncEngine>();
        foreach (var run in await engine.RunDueAsync(cancellationToken))
        {
            output.WriteLine($"  {(run.Outcome == WorkRunOutcome.Completed ? "✔" : "✘")} {run.Item.Kind} ({run.Item.Trigger}): {run.Outcome}, {run.Summary}");
        }

        var stockTab = await services.GetRequiredService<SyncJournal>()
            .QueryAsync(new JournalQuery(Connection, RecordKind.ArticleStock), pageNumber: 0, pageSize: 20, cancellationToken);
        foreach (var entry in stockTab.Entries.OrderBy(e => e.Key.RecordKey, StringComparer.Ordinal))
        {
            output.WriteLine($"    {entry.Key.RecordKey,-7} {entry.Status,-10} {entry.Message}");
        }

        var plan = await engine.GetDueWorkAsync(cancellationToken);
        output.WriteLine($"  Next work is due at {plan.NextDueAt:uuuu-MM-dd HH:mm:ss}; a host's scheduler sleeps until then.");

        Step("The recorded history: who changed what, when");
        await foreach (var transition in services.GetRequiredService<IConnectionStore>().GetHistoryAsync(Connection, cancellationToken))
        {
            output.WriteLine($"    {transition.At:uuuu-MM-dd HH:mm:ss} {transition.Actor,-6} {Describe(transition),-34} {transition.From} -> {transition.To}");
        }

        output.WriteLine();
        output.WriteLine(productive.Succeeded ? "Connection demoshop-de is productive." : "The walkthrough did not reach productive mode.");
        return productive.Succeeded ? 0 : 1;
    }

    private async Task ImportForeignNumbersAsync(CancellationToken cancellationToken)
    {
        const string csv = """
            article_number;label;foreign_number
            4711;demosku;DS-MUG-01
            5000-S;demosku;DS-TEE-S
            5000-M;demosku;DS-TEE-S
            9999;demosku;DS-GHOST
            5000-M;shopifyvariantid;40123
            """;
        output.WriteLine(Indent(csv));
        var report = await services.GetRequiredService<ForeignNumberImporter>()
            .ImportCsvAsync(Connection, DemoShopConnector.Id, new StringReader(csv), cancellationToken);
        output.WriteLine($"  {report}");
        foreach (var issue in report.Issues)
        {
            output.WriteLine($"    ✘ {issue}");
        }
    }

    private async Task ShowDecisionAsync(FeatureKind feature, SyncTrigger trigger, CancellationToken cancellationToken)
    {
        var decision = await _lifecycle.DecideAsync(Connection, feature, trigger, cancellationToken);
        output.WriteLine($"  {(decision?.IsAllowed == true ? "✔" : "✘")} {trigger} {feature}: {decision}");
    }

    private void Step(string title)
    {
        output.WriteLine();
        output.WriteLine($"{++_step}. {title}");
    }

    private void Show(LifecycleResult result)
    {
        if (result.Succeeded)
        {
            foreach (var transition in result.Transitions)
            {
                output.WriteLine($"  ✔ {Describe(transition)}: {transition.From} -> {transition.To}{(transition.Detail is { } d ? $" ({d})" : string.Empty)}");
            }

            return;
        }

        output.WriteLine("  ✘ refused:");
        foreach (var reason in result.Reasons)
        {
            output.WriteLine($"      - {reason.Message}");
        }
    }

    private static string Describe(LifecycleTransition transition) =>
        transition.Feature is { } feature ? $"{transition.Change} {feature}" : transition.Change.ToString();

    private static string Indent(string text) => string.Join(Environment.NewLine, text.Split('\n').Select(l => "    " + l.TrimEnd('\r')));
}
