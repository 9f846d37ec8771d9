using Microsoft.CodeAnalysis;

namespace ApiGuard.Analyzers.AppModel;

/// <summary>A cheap pre-filter for operation-block actions of app-wide rules: only these methods can be an app's entry.</summary>
internal static class AppEntry
{
    /// <summary>The synthesized entry point of top-level statements.</summary>
    public const string TopLevelEntryName = WellKnownMemberNames.TopLevelStatementsEntryPointMethodName;

    public static bool CanBeEntry(ISymbol? symbol)
        => symbol is IMethodSymbol { Name: TopLevelEntryName or "Main" or "Configure" };
}
