using Microsoft.CodeAnalysis;

namespace ApiGuard.CodeFixes.Infrastructure;

/// <summary>Small text helpers shared by the fixers.</summary>
internal static class SyntaxText
{
    /// <summary>The line ending the document already uses, so that fixes do not mix line endings.</summary>
    public static string NewLine(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.EndOfLineTrivia)
            {
                return trivia.ToString();
            }
        }

        return "\n";
    }
}
