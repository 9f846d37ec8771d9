using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ApiGuard.CodeFixes.Infrastructure;

/// <summary>Adds a <c>using</c> directive a fix needs, only when the namespace is not already in scope (global usings included).</summary>
internal static class UsingDirectives
{
    /// <summary>Whether <paramref name="typeName"/> binds at <paramref name="position"/> without qualification, to <paramref name="namespaceName"/> only.</summary>
    public static bool IsInScope(SemanticModel model, int position, string namespaceName, string typeName)
    {
        // Every type of that name in scope must be the one meant (a generic twin of the same namespace is fine, a clash is not).
        var found = model.LookupNamespacesAndTypes(position, name: typeName);
        return found.Length > 0 && found.All(t => t.ContainingNamespace?.ToDisplayString() == namespaceName);
    }

    /// <summary>
    /// Adds <c>using <paramref name="namespaceName"/>;</c> to the document: System namespaces first, then ordinal order. A file
    /// header (comments up to the first blank line) stays at the top.
    /// </summary>
    public static async Task<Document> AddAsync(Document document, string namespaceName, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root
            || root.Usings.Any(u => u.Alias is null && u.StaticKeyword.RawKind == 0 && u.Name?.ToString() == namespaceName))
        {
            return document;
        }

        var newLine = SyntaxFactory.EndOfLine(SyntaxText.NewLine(root));
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName))
            .WithTrailingTrivia(newLine)
            .WithAdditionalAnnotations(Formatter.Annotation);
        var usings = root.Usings;
        if (usings.Count == 0)
        {
            // Before the first member; a header comment separated by a blank line stays above the directive.
            var leading = root.GetLeadingTrivia();
            var split = HeaderLength(leading);
            directive = directive
                .WithLeadingTrivia(leading.Take(split))
                .WithTrailingTrivia(newLine, newLine);
            var rest = SyntaxFactory.TriviaList(leading.Skip(split));
            var first = root.GetFirstToken(includeZeroWidth: true);
            root = root.ReplaceToken(first, first.WithLeadingTrivia(rest));
            return document.WithSyntaxRoot(root.WithUsings(SyntaxFactory.SingletonList(directive)));
        }

        var index = 0;
        while (index < usings.Count && Compare(usings[index], namespaceName) < 0)
        {
            index++;
        }

        if (index == 0)
        {
            // The header comment belongs to the file, not to the directive that used to be first.
            directive = directive.WithLeadingTrivia(usings[0].GetLeadingTrivia());
            usings = usings.Replace(usings[0], usings[0].WithoutLeadingTrivia());
        }

        return document.WithSyntaxRoot(root.WithUsings(usings.Insert(index, directive)));
    }

    /// <summary>How many leading trivia form the file header: everything up to and including the last blank line.</summary>
    private static int HeaderLength(SyntaxTriviaList leading)
    {
        for (var i = leading.Count - 1; i > 0; i--)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia) && leading[i - 1].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>Orders an existing directive against <paramref name="namespaceName"/>: global usings first, System first, then ordinal; aliases and static usings last.</summary>
    private static int Compare(UsingDirectiveSyntax existing, string namespaceName)
    {
        if (existing.GlobalKeyword.RawKind != 0)
        {
            return -1;
        }

        if (existing.Alias is not null || existing.StaticKeyword.RawKind != 0)
        {
            return 1;
        }

        var name = existing.Name?.ToString() ?? string.Empty;
        var bySystem = IsSystem(name).CompareTo(IsSystem(namespaceName));
        return bySystem != 0 ? -bySystem : string.CompareOrdinal(name, namespaceName);
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
}
