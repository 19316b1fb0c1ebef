using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Microsoft.Extensions.Options;

namespace Connect.Sdk.DependencyInjection;

/// <summary>
/// Fails start-up when no connector is registered, two share an id, or a connector's declared features do
/// not match the feature implementations it provides, or the foreign-number table has no scheme for it
/// (its articles could then never be mapped).
/// </summary>
internal sealed class ConnectorSetupValidator(IEnumerable<IConnector> connectors, ForeignNumberRules foreignNumberRules)
    : IValidateOptions<ConnectSdkOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectSdkOptions options)
    {
        var all = connectors.ToArray();
        if (all.Length == 0)
        {
            return ValidateOptionsResult.Fail("Connect.Sdk has no connector registered: add one with builder.AddConnector<T>() or a connector package's extension (e.g. AddShopify).");
        }

        var failures = new List<string>();
        failures.AddRange(all
            .GroupBy(c => c.Descriptor.Id)
            .Where(g => g.Count() > 1)
            .Select(g => $"Connector id '{g.Key}' is registered {g.Count()} times."));

        foreach (var connector in all)
        {
            var declared = connector.Descriptor.SupportedFeatures;
            var implemented = connector.Features.Select(f => f.Kind).ToArray();
            failures.AddRange(declared.Except(implemented)
                .Select(k => $"Connector '{connector.Descriptor.Id}' declares the feature {k} but provides no implementation of it."));
            failures.AddRange(implemented.Except(declared)
                .Select(k => $"Connector '{connector.Descriptor.Id}' implements the feature {k} but does not declare it in its descriptor."));
            if (foreignNumberRules.Find(connector.Descriptor.Id) is null)
            {
                failures.Add($"Connector '{connector.Descriptor.Id}' has no foreign-number rules: add them with builder.ConfigureForeignNumberRules(rules => rules.With(...)) or .WithIdentity(...).");
            }

            failures.AddRange(implemented.GroupBy(k => k).Where(g => g.Count() > 1)
                .Select(g => $"Connector '{connector.Descriptor.Id}' provides {g.Count()} implementations of the feature {g.Key}."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
