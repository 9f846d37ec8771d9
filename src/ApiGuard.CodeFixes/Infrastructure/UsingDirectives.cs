using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ApiGuard.CodeFixes.Infrastructure;

/// <summary>Adds a using directive when a fix writes code that needs it (extension methods cannot be simplified into scope).</summary>
internal static class UsingDirectives
{
    /// <summary>Whether the type named <paramref name="typeName"/> in <paramref name="namespaceName"/> is in scope at <paramref name="position"/>.</summary>
    public static bool IsInScope(SemanticModel model, int position, string namespaceName, string typeName)
        => model.LookupNamespacesAndTypes(position, name: typeName)
            .Any(t => t.ContainingNamespace?.ToDisplayString() == namespaceName);

    /// <summary>
    /// Whether the simple name <paramref name="typeName"/> binds at <paramref name="position"/> to types of <paramref name="namespaceName"/>
    /// only (a generic twin of the same namespace is fine, a type of that name from another namespace is not), so a fix may write it unqualified.
    /// </summary>
    public static bool BindsOnlyTo(SemanticModel model, int position, string namespaceName, string typeName)
    {
        var found = model.LookupNamespacesAndTypes(position, name: typeName);
        return found.Length > 0 && found.All(t => t.ContainingNamespace?.ToDisplayString() == namespaceName);
    }

    /// <summary>
    /// Adds the using directive for the environment checks fixes write (<c>env.IsDevelopment()</c> is an extension method in
    /// <c>Microsoft.Extensions.Hosting</c>) when it was not in scope at <paramref name="position"/> of the original document.
    /// </summary>
    public static Task<Document> EnsureHostingAsync(Document changed, SemanticModel original, int position, CancellationToken cancellationToken)
        => IsInScope(original, position, "Microsoft.Extensions.Hosting", "HostEnvironmentEnvExtensions")
            ? Task.FromResult(changed)
            : AddAsync(changed, "Microsoft.Extensions.Hosting", cancellationToken);

    /// <summary>
    /// Adds <c>using <paramref name="namespaceName"/>;</c> to the document unless it is already there: after global usings, System
    /// namespaces first (<c>dotnet_sort_system_directives_first</c>), then in ordinal order, before aliases and static usings. A file
    /// header comment stays at the top.
    /// </summary>
    public static async Task<Document> AddAsync(Document document, string namespaceName, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root
            || root.Usings.Any(u => u.Alias is null && u.StaticKeyword.RawKind == 0 && u.Name?.ToString() == namespaceName))
        {
            return document;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName)).WithAdditionalAnnotations(Formatter.Annotation);
        if (root.Usings.Count == 0 && root.Members.FirstOrDefault() is BaseNamespaceDeclarationSyntax { Usings.Count: > 0 } scoped)
        {
            // The file keeps its usings inside the namespace: add it there, in order.
            if (scoped.Usings.Any(u => u.Name?.ToString() == namespaceName))
            {
                return document;
            }

            var inner = scoped.Usings;
            var at = 0;
            while (at < inner.Count && string.CompareOrdinal(inner[at].Name?.ToString(), namespaceName) < 0 && inner[at].Alias is null && inner[at].StaticKeyword.RawKind == 0)
            {
                at++;
            }

            // The new first directive takes over the blank line (or comment) before the old first one.
            var line = SyntaxText.NewLine(root);
            var neighbour = inner[Math.Min(at, inner.Count - 1)];
            var whitespace = neighbour.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToList();
            var indentation = whitespace.Count == 0 ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(whitespace[whitespace.Count - 1]);
            var added = directive.WithLeadingTrivia(at == 0 ? neighbour.GetLeadingTrivia() : indentation).WithTrailingTrivia(SyntaxFactory.EndOfLine(line));
            if (at == 0)
            {
                inner = inner.Replace(neighbour, neighbour.WithLeadingTrivia(indentation));
            }

            return document.WithSyntaxRoot(root.ReplaceNode(scoped, scoped.WithUsings(inner.Insert(at, added))));
        }

        var usings = root.Usings;
        var newLine = SyntaxText.NewLine(root);
        if (usings.Count == 0)
        {
            // The first using of the file: keep the file's leading comments first and leave a blank line before the code.
            var first = root.GetLeadingTrivia();
            var newRoot = root.WithLeadingTrivia(SyntaxFactory.TriviaList())
                .WithUsings(SyntaxFactory.SingletonList(directive.WithLeadingTrivia(first).WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine), SyntaxFactory.EndOfLine(newLine))));
            return document.WithSyntaxRoot(newRoot);
        }

        var index = 0;
        while (index < usings.Count && Compare(usings[index], namespaceName) < 0)
        {
            index++;
        }

        directive = directive.WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine));
        if (index == 0)
        {
            // The header comment belongs to the file, not to the directive that used to come first.
            directive = directive.WithLeadingTrivia(usings[0].GetLeadingTrivia());
            usings = usings.Replace(usings[0], usings[0].WithoutLeadingTrivia());
        }

        return document.WithSyntaxRoot(root.WithUsings(usings.Insert(index, directive)));
    }

    /// <summary>Orders an existing directive against <paramref name="namespaceName"/>: negative when the existing one comes first.</summary>
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
        var bySystem = IsSystem(namespaceName).CompareTo(IsSystem(name));
        return bySystem != 0 ? bySystem : string.CompareOrdinal(name, namespaceName);
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
}
