using Connect.Sdk.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connect.Sdk.Journal;

/// <summary>
/// Reads <see cref="ConnectSdkOptions.JournalHistoryLines"/> as the host configured it, without validating the other
/// options: the journal is written also by hosts that are still being set up (a migration run before any sink is
/// registered), where <c>IOptions&lt;ConnectSdkOptions&gt;.Value</c> would throw for what is missing. Start-up
/// validation checks the value like every other option.
/// </summary>
internal static class ConfiguredJournalHistoryLines
{
    public static int Read(IServiceProvider services)
    {
        var options = new ConnectSdkOptions();
        foreach (var configure in services.GetServices<IConfigureOptions<ConnectSdkOptions>>())
        {
            if (configure is IConfigureNamedOptions<ConnectSdkOptions> named)
            {
                named.Configure(Options.DefaultName, options);
            }
            else
            {
                configure.Configure(options);
            }
        }

        foreach (var postConfigure in services.GetServices<IPostConfigureOptions<ConnectSdkOptions>>())
        {
            postConfigure.PostConfigure(Options.DefaultName, options);
        }

        return options.JournalHistoryLines;
    }
}
