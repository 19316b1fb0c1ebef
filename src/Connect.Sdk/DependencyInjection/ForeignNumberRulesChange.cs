using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.DependencyInjection;

/// <summary>One change to the foreign-number table registered through the builder; applied in registration order.</summary>
internal sealed class ForeignNumberRulesChange(Func<ForeignNumberRules, ForeignNumberRules> change)
{
    public ForeignNumberRules Apply(ForeignNumberRules rules) =>
        change(rules) ?? throw new InvalidOperationException("ConfigureForeignNumberRules must return the changed rules, not null.");
}
