using Microsoft.CodeAnalysis;

namespace ApiGuard.CodeFixes.Infrastructure;

/// <summary>Small text helpers shared by the fixers.</summary>
internal static class SyntaxText
{
    /// <summary>One level of indentation in the code the fixes write.</summary>
    public const string IndentUnit = "    ";

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

    /// <summary>The whitespace at the start of the line on which <paramref name="node"/> starts.</summary>
    public static string IndentationOf(SyntaxNode node)
    {
        var text = node.SyntaxTree.GetText();
        var line = text.Lines.GetLineFromPosition(node.SpanStart).ToString();
        return line.Substring(0, line.Length - line.TrimStart().Length);
    }

    /// <summary>
    /// Puts every line of <paramref name="statement"/> (written from column 0) at <paramref name="indentation"/>. The formatter places
    /// the first line of inserted code, but keeps the columns of wrapped expression lines, so code is written where it will end up.
    /// </summary>
    public static string Indent(string statement, string indentation, string newLine)
        => indentation.Length == 0
            ? statement
            : string.Join(newLine, statement.Split(new[] { newLine }, StringSplitOptions.None).Select(l => l.Length == 0 ? l : indentation + l));
}
