using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Parasol.Core.Data;

namespace Parasol.Core.Web;

public static class PrivateLogging
{
    /// <summary>
    /// Log categories that write what a form carried: at Trace, ASP.NET Core writes every argument a page handler was
    /// called with (a note on a case, a reason for a completion request: health, children, court matters).
    /// </summary>
    internal static readonly string[] FormCarryingCategories =
    [
        "Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.PageActionInvoker",
        "Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker",
    ];

    /// <summary>
    /// What both apps do before anything else, so that turning logging up to find a fault never writes a family's data:
    /// the categories that write what a form carried log nothing below Debug whatever the configuration says, for every
    /// provider (a provider's own setting, <c>Logging:Console:LogLevel:…</c>, would otherwise beat a general cap), and
    /// are otherwise left at the level configured (a plain filter at Debug would make them chattier than the
    /// configuration's Warning for <c>Microsoft.AspNetCore</c>: a dozen lines a request); and
    /// outside Development and the test hosts, the database connection's <c>Include Error Detail</c> is turned off (see
    /// <see cref="ParasolDatabase.WithoutErrorDetail"/>), with a warning at start-up that it was.
    /// </summary>
    public static IHostApplicationBuilder AddParasolPrivateLogging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>, FormCarryingCategoriesCap>();
        if (ParasolDatabase.WithoutErrorDetail(builder.Configuration, builder.Environment))
        {
            builder.Services.AddHostedService<ErrorDetailTurnedOffWarning>();
        }
        return builder;
    }
}

/// <summary>
/// After every other setting is bound: for the general settings and for each provider that has settings of its own,
/// the level the logging framework would choose for a form-carrying category (the most specific rule: the provider's
/// own before the general ones, then the longest category; the last of equals) is raised to Debug where it is lower,
/// by a rule for exactly that category, added last so that it is the one chosen. Levels above Debug are kept.
/// </summary>
internal sealed class FormCarryingCategoriesCap : IPostConfigureOptions<LoggerFilterOptions>
{
    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        var providers = options.Rules.Select(r => r.ProviderName).Append(null).Distinct(StringComparer.Ordinal).ToList();
        // All chosen before any is added: a rule added for the general settings would otherwise count for the providers.
        // A rule's filter function (the EventSource provider's, asking whether anyone listens) goes with its level.
        var caps = (from category in PrivateLogging.FormCarryingCategories
                    from provider in providers
                    let chosen = ChosenRule(options, provider, category)
                    let level = (chosen is null ? options.MinLevel : chosen.LogLevel) ?? LogLevel.Trace
                    select new LoggerFilterRule(provider, category, level < LogLevel.Debug ? LogLevel.Debug : level, chosen?.Filter)).ToList();
        foreach (var cap in caps)
        {
            options.Rules.Add(cap);
        }
    }

    /// <summary>
    /// The rule Microsoft.Extensions.Logging's selection takes for <paramref name="category"/> and
    /// <paramref name="provider"/> (null: a provider without settings of its own); none: the options' minimum level.
    /// </summary>
    private static LoggerFilterRule? ChosenRule(LoggerFilterOptions options, string? provider, string category)
    {
        LoggerFilterRule? chosen = null;
        foreach (var rule in options.Rules)
        {
            if (IsBetter(rule, chosen, provider, category))
            {
                chosen = rule;
            }
        }
        return chosen;
    }

    private static bool IsBetter(LoggerFilterRule rule, LoggerFilterRule? chosen, string? provider, string category)
    {
        if (rule.ProviderName is not null && rule.ProviderName != provider)
        {
            return false;
        }
        if (rule.CategoryName is { } ruleCategory && !Matches(ruleCategory, category))
        {
            return false;
        }
        if (chosen?.ProviderName is not null)
        {
            if (rule.ProviderName is null)
            {
                return false;
            }
        }
        else if (rule.ProviderName is not null)
        {
            return true;
        }
        if (chosen?.CategoryName is not null)
        {
            if (rule.CategoryName is null || chosen.CategoryName.Length > rule.CategoryName.Length)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A rule's category is a prefix of the logger's, or holds one <c>*</c> standing for any text in between.</summary>
    private static bool Matches(string ruleCategory, string category)
    {
        var star = ruleCategory.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return category.StartsWith(ruleCategory, StringComparison.OrdinalIgnoreCase);
        }
        if (ruleCategory.IndexOf('*', star + 1) >= 0)
        {
            return false;
        }
        var prefix = ruleCategory[..star];
        var suffix = ruleCategory[(star + 1)..];
        return category.Length >= prefix.Length + suffix.Length
            && category.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && category.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Says at start-up that the connection string asked for the database's error detail and did not get it.</summary>
internal sealed partial class ErrorDetailTurnedOffWarning(ILogger<ErrorDetailTurnedOffWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Warn(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "ConnectionStrings:Default sets Include Error Detail, which puts the values of a failed statement (a PESEL in a unique violation) into exception messages and logs; " +
        "it is turned off outside Development. Remove it from this environment's connection string.")]
    private static partial void Warn(ILogger logger);
}
