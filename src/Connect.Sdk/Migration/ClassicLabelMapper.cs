using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Migration;

/// <summary>Maps the classic labels found in an export to a connector's foreign-number rules, for the report.</summary>
internal static class ClassicLabelMapper
{
    public static IReadOnlyList<ClassicLabelMapping> Map(ForeignNumberRules rules, ConnectorId connector, IEnumerable<ForeignNumberRow> rows)
    {
        var scheme = rules.Find(connector);
        return rows
            .Select(r => r.Label.Trim())
            .Where(label => label.Length > 0)
            .GroupBy(label => label, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => Describe(scheme, connector, g.Key, g.Count()))
            .ToArray();
    }

    private static ClassicLabelMapping Describe(ForeignNumberScheme? scheme, ConnectorId connector, string label, int rows)
    {
        if (scheme is null)
        {
            return new(label, rows, null, $"connector '{connector}' has no foreign-number rules");
        }

        if (scheme.IsIdentity)
        {
            return new(label, rows, null, $"not used: {scheme.IdentityDescription}");
        }

        if (scheme.FindRule(new ForeignNumberLabel(label)) is not { } rule)
        {
            return new(label, rows, null, $"no rule: {connector} uses {string.Join(", ", scheme.Rules.Select(r => r.Label))}");
        }

        var stored = string.Equals(rule.Label.Value, label, StringComparison.Ordinal)
            ? string.Empty
            : $"; stored as {rule.Label}";
        return new(label, rows, rule, $"→ {rule.Label} ({Target(rule.Target)}, {rule.Description}){stored}");
    }

    private static string Target(ForeignNumberTarget target) => target switch
    {
        ForeignNumberTarget.Variant => "variants",
        ForeignNumberTarget.Article => "simple articles and matrix parents",
        _ => "any article",
    };
}
