using Microsoft.Extensions.Options;

namespace Connect.Sdk.Http;

/// <summary>Refuses settings that would fail on the first request, so the host fails at start-up instead.</summary>
internal sealed class MarketplaceHttpClientOptionsValidator : IValidateOptions<MarketplaceHttpClientOptions>
{
    public ValidateOptionsResult Validate(string? name, MarketplaceHttpClientOptions options)
    {
        var problems = options.Resilience.Problems().ToList();
        if (options.RateLimit is not null && string.IsNullOrWhiteSpace(options.Account))
        {
            problems.Add($"Client '{name}' declares a rate limit but no {nameof(MarketplaceHttpClientOptions.Account)}: the budget is shared per account.");
        }

        if (options.BaseAddress is { IsAbsoluteUri: false })
        {
            problems.Add($"Client '{name}': {nameof(MarketplaceHttpClientOptions.BaseAddress)} must be absolute, not '{options.BaseAddress}'.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => $"Client '{name}': {p}"));
    }
}
