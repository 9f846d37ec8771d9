using Microsoft.CodeAnalysis;

namespace ApiGuard.Analyzers.Descriptors;

/// <summary>
/// The one factory for ApiGuard descriptors. It adds what every rule shares: the category, the help link to the rule's page,
/// the area, CWE and OWASP API Security Top 10 (2023) tags, and whether the rule ships a code fix.
/// </summary>
public static class Descriptors
{
    /// <summary>Where the rule pages live; the help link of rule X is <c>{HelpLinkBase}X.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/apiguard/apiguard/blob/main/docs/rules/";

    /// <summary>Custom tag carried by rules that ship a code fix (read by the docs generator and the conventions tests).</summary>
    public const string CodeFixTag = "CodeFix";

    /// <summary>Prefix of the custom tag that names the CWE, e.g. <c>CWE-942</c>.</summary>
    public const string CwePrefix = "CWE-";

    /// <summary>Prefix of the custom tag that names the OWASP API Security Top 10 2023 entry, e.g. <c>OWASP-API8:2023</c>.</summary>
    public const string OwaspPrefix = "OWASP-";

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    /// <summary>Creates a descriptor. Strings are plain English here, in this one call per rule.</summary>
    /// <param name="id">A <see cref="RuleIds"/> constant.</param>
    /// <param name="title">A short imperative sentence in sentence case, with no trailing period.</param>
    /// <param name="messageFormat">The message; <c>{0}</c> names the offending API or value.</param>
    /// <param name="description">Why it matters, in one or two sentences.</param>
    /// <param name="area">The area of the ID's hundred-block.</param>
    /// <param name="severity">The default severity, chosen by intent (DECISIONS.md).</param>
    /// <param name="cwe">The CWE number.</param>
    /// <param name="owasp">The OWASP API Security Top 10 2023 entry, e.g. <c>API8</c>.</param>
    /// <param name="hasCodeFix">Whether the rule ships a code fix.</param>
    /// <param name="isEnabledByDefault">Whether the rule is on by default.</param>
    /// <param name="compilationEnd">Whether the rule reports from a compilation-end action (RS1037).</param>
    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string description,
        RuleArea area,
        DiagnosticSeverity severity,
        int cwe,
        string owasp,
        bool hasCodeFix,
        bool isEnabledByDefault = true,
        bool compilationEnd = false)
    {
        var tags = new List<string>
        {
            area.ToString(),
            CwePrefix + cwe.ToString(System.Globalization.CultureInfo.InvariantCulture),
            OwaspPrefix + owasp + ":2023",
        };
        if (hasCodeFix)
        {
            tags.Add(CodeFixTag);
        }

        if (compilationEnd)
        {
            tags.Add(WellKnownDiagnosticTags.CompilationEnd);
        }

        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            RuleCategories.Security,
            severity,
            isEnabledByDefault,
            description + " (" + CwePrefix + cwe.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", OWASP " + owasp + ":2023)",
            HelpLink(id),
            tags.ToArray());
    }
}
