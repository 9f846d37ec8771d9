using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Analyzers.Options;

/// <summary>
/// One typed <c>.editorconfig</c> option: its key, default, parser and the sentence the docs show. Keys follow
/// <c>apiguard.&lt;topic&gt;.&lt;option&gt;</c> in lower snake case. Reading never throws: a value that does not parse gives the default.
/// </summary>
/// <typeparam name="T">The option's type.</typeparam>
public sealed class ApiGuardOption<T> : IApiGuardOption
{
    private readonly Func<string, (bool Ok, T Value)> _parse;

    internal ApiGuardOption(string key, T defaultValue, string defaultText, Func<string, (bool Ok, T Value)> parse, string description, params string[] ruleIds)
    {
        Key = key;
        DefaultValue = defaultValue;
        DefaultText = defaultText;
        _parse = parse;
        Description = description;
        RuleIds = ImmutableArray.Create(ruleIds);
    }

    public string Key { get; }

    public T DefaultValue { get; }

    public string DefaultText { get; }

    public string Description { get; }

    public ImmutableArray<string> RuleIds { get; }

    /// <summary>Reads the option; the default when it is absent or does not parse.</summary>
    public T Read(AnalyzerConfigOptions options)
    {
        if (options.TryGetValue(Key, out var text) && !string.IsNullOrWhiteSpace(text))
        {
            var (ok, value) = _parse(text.Trim());
            if (ok)
            {
                return value;
            }
        }

        return DefaultValue;
    }
}

/// <summary>The untyped view of an option, for the docs generator and the conventions tests.</summary>
public interface IApiGuardOption
{
    string Key { get; }

    string DefaultText { get; }

    string Description { get; }

    ImmutableArray<string> RuleIds { get; }
}
