using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using ApiGuard.Analyzers.Rules.Cors;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ApiGuard.CodeFixes.Rules.Cors;

/// <summary>
/// Fixes AG0201 and AG0202 by turning the permissive origin call into an explicit allow-list: <c>WithOrigins(...)</c> with the
/// origins of <c>apiguard.cors.trusted_origins</c>; when none are configured, the allow-list read from configuration
/// (<c>apiguard.cors.configuration_key</c>, default <c>Cors:AllowedOrigins</c>) where an <c>IConfiguration</c> is in scope; else the
/// placeholder <see cref="PlaceholderOrigin"/>. Either way the policy fails closed until real origins are set. A second fix also
/// narrows <c>AllowAnyMethod()</c>/<c>AllowAnyHeader()</c> of the same policy.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CorsAllowAnyOriginCodeFixProvider))]
[Shared]
public sealed class CorsAllowAnyOriginCodeFixProvider : CodeFixProvider
{
    /// <summary>The origin the fix writes when no origin is configured: the reserved <c>.invalid</c> domain matches no real site.</summary>
    public const string PlaceholderOrigin = "https://trusted-origin.invalid";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.CorsAllowAnyOrigin, RuleIds.CorsAnyOriginWithCredentials);

    public override FixAllProvider GetFixAllProvider() => DocumentFixAll.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(CorsAllowAnyOriginAnalyzer.FormProperty, out var formText)
                || !Enum.TryParse<PermissiveOriginForm>(formText, out var form)
                || diagnostic.AdditionalLocations.Count == 0)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Allow only trusted origins",
                    ct => FixAsync(context.Document, diagnostic, form, narrow: false, ct),
                    diagnostic.Id + ".UseTrustedOrigins"),
                diagnostic);

            if (diagnostic.Properties.ContainsKey(CorsAllowAnyOriginAnalyzer.AnyMethodProperty)
                || diagnostic.Properties.ContainsKey(CorsAllowAnyOriginAnalyzer.AnyHeaderProperty))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Allow only trusted origins, methods and headers",
                        ct => FixAsync(context.Document, diagnostic, form, narrow: true, ct),
                        diagnostic.Id + ".UseTrustedOriginsAndNarrow"),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, PermissiveOriginForm form, bool narrow, CancellationToken cancellationToken)
        => await FixDocumentAsync(document, new[] { (diagnostic, form) }, narrow, cancellationToken).ConfigureAwait(false) ?? document;

    /// <summary>
    /// Applies the fix for every diagnostic with one editor on one root, so that Fix All composes the edits instead of merging text
    /// diffs (which drops neighbouring fixes as conflicts).
    /// </summary>
    private static async Task<Document?> FixDocumentAsync(Document document, IEnumerable<(Diagnostic Diagnostic, PermissiveOriginForm Form)> fixes, bool narrow, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(root.SyntaxTree);
        var types = KnownTypes.GetOrCreate(model.Compilation);
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var needsBinder = false;
        var changed = false;
        foreach (var (diagnostic, form) in fixes)
        {
            if (Fix(editor, root, model, types, options, diagnostic, form, narrow, ref needsBinder))
            {
                changed = true;
            }
        }

        if (!changed)
        {
            return null;
        }

        var result = editor.GetChangedDocument();
        return needsBinder ? await UsingDirectives.AddAsync(result, "Microsoft.Extensions.Configuration", cancellationToken).ConfigureAwait(false) : result;
    }

    private static bool Fix(
        DocumentEditor editor,
        SyntaxNode root,
        SemanticModel model,
        KnownTypes types,
        Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options,
        Diagnostic diagnostic,
        PermissiveOriginForm form,
        bool narrow,
        ref bool needsBinder)
    {
        if (diagnostic.AdditionalLocations.Count == 0 || FindExact(root, diagnostic.AdditionalLocations[0]) is not { } target)
        {
            return false;
        }

        // Narrow first: these calls may contain the permissive call (a fluent chain), and the compute overloads compose.
        if (narrow)
        {
            Rename(editor, root, diagnostic, CorsAllowAnyOriginAnalyzer.AnyMethodProperty, "WithMethods", ApiGuardOptions.CorsAllowedMethods.Read(options));
            Rename(editor, root, diagnostic, CorsAllowAnyOriginAnalyzer.AnyHeaderProperty, "WithHeaders", ApiGuardOptions.CorsAllowedHeaders.Read(options));
        }

        var origins = ApiGuardOptions.CorsTrustedOrigins.Read(options);
        var configuration = origins.IsEmpty ? ConfigurationLookup.Find(model, target.SpanStart, types) : null;
        var configurationKey = ApiGuardOptions.CorsConfigurationKey.Read(options);
        var fromConfiguration = configuration is null ? null : ReadOrigins(configuration, configurationKey, IsSystemImported(model, target.SpanStart));
        var literals = origins.IsEmpty ? ImmutableArray.Create(PlaceholderOrigin) : origins;

        switch (target)
        {
            case InvocationExpressionSyntax when form == PermissiveOriginForm.PolicyOriginsWildcard:
                ReplacePolicyOriginsAdd(editor, (InvocationExpressionSyntax)target, fromConfiguration, literals, SyntaxText.NewLine(root));
                break;

            case InvocationExpressionSyntax invocation:
                var arguments = fromConfiguration is not null ? new[] { fromConfiguration } : literals.Select(Literal).ToArray();
                editor.ReplaceNode(invocation, (current, _) => WithNameAndArguments((InvocationExpressionSyntax)current, "WithOrigins", arguments));
                break;

            case BaseObjectCreationExpressionSyntax creation:
                var creationArguments = fromConfiguration is not null ? new[] { fromConfiguration } : literals.Select(Literal).ToArray();
                editor.ReplaceNode(creation, (current, _) => ((BaseObjectCreationExpressionSyntax)current).WithArgumentList(ArgumentList(creationArguments, creation.ArgumentList)));
                break;

            default:
                return false;
        }

        needsBinder |= fromConfiguration is not null && !ConfigurationLookup.IsBinderInScope(model, target.SpanStart, types);
        return true;
    }

    /// <summary>Fix All: one editor per document, with the fix (narrowing or not) the user picked.</summary>
    private sealed class DocumentFixAll : FixAllProvider
    {
        public static readonly DocumentFixAll Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var narrow = fixAllContext.CodeActionEquivalenceKey?.EndsWith(".UseTrustedOriginsAndNarrow", StringComparison.Ordinal) == true;
            var documents = fixAllContext.Scope switch
            {
                FixAllScope.Document when fixAllContext.Document is not null => new[] { fixAllContext.Document },
                FixAllScope.Project => fixAllContext.Project.Documents.ToArray(),
                FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
                _ => Array.Empty<Document>(),
            };

            var solution = fixAllContext.Solution;
            foreach (var document in documents)
            {
                var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                var fixes = diagnostics
                    .Where(d => fixAllContext.CodeActionEquivalenceKey is null || fixAllContext.CodeActionEquivalenceKey.StartsWith(d.Id + ".", StringComparison.Ordinal))
                    .Select(d => (Diagnostic: d, Form: d.Properties.TryGetValue(CorsAllowAnyOriginAnalyzer.FormProperty, out var text) && Enum.TryParse<PermissiveOriginForm>(text, out var form) ? form : PermissiveOriginForm.None))
                    .Where(f => f.Form != PermissiveOriginForm.None)
                    .ToList();
                if (fixes.Count > 0 && await FixDocumentAsync(document, fixes, narrow, fixAllContext.CancellationToken).ConfigureAwait(false) is { } fixedDocument)
                {
                    solution = solution.WithDocumentSyntaxRoot(document.Id, (await fixedDocument.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false))!);
                }
            }

            return CodeAction.Create("Allow only trusted origins", _ => Task.FromResult(solution), fixAllContext.CodeActionEquivalenceKey);
        }
    }

    /// <summary><c>config.GetSection("key").Get&lt;string[]&gt;() ?? System.Array.Empty&lt;string&gt;()</c>: no configured origins means none allowed.</summary>
    private static ExpressionSyntax ReadOrigins(ExpressionSyntax configuration, string key, bool systemImported)
    {
        var empty = systemImported ? "Array.Empty<string>()" : "System.Array.Empty<string>()";
        var expression = SyntaxFactory.ParseExpression(
            configuration.ToString() + ".GetSection(" + SyntaxFactory.Literal(key).ToString() + ").Get<string[]>() ?? " + empty);
        // No formatter annotation: the parsed expression is already spaced, and formatting would widen the change to the
        // surrounding lines, which makes Fix All drop neighbouring fixes as conflicts.
        return expression;
    }

    /// <summary>Whether <c>Array</c> binds to <c>System.Array</c> at <paramref name="position"/>.</summary>
    private static bool IsSystemImported(SemanticModel model, int position)
        => model.LookupNamespacesAndTypes(position, name: "Array").Any(t => t is INamedTypeSymbol { SpecialType: SpecialType.System_Array });

    private static void ReplacePolicyOriginsAdd(DocumentEditor editor, InvocationExpressionSyntax add, ExpressionSyntax? fromConfiguration, ImmutableArray<string> literals, string newLine)
    {
        if (add.Expression is not MemberAccessExpressionSyntax member)
        {
            return;
        }

        if (add.Parent is ExpressionStatementSyntax statement)
        {
            if (fromConfiguration is not null)
            {
                // foreach (var origin in <configured origins>) policy.Origins.Add(origin);
                var loop = SyntaxFactory.ParseStatement(
                    "foreach (var origin in " + fromConfiguration + ")" + newLine
                    + "{" + newLine + member + "(origin);" + newLine + "}" + newLine);
                editor.ReplaceNode(statement, loop.WithTriviaFrom(statement).WithAdditionalAnnotations(Formatter.Annotation));
                return;
            }

            var statements = literals
                .Select(origin => (SyntaxNode)statement.WithExpression(add.WithArgumentList(ArgumentList(new[] { Literal(origin) }, add.ArgumentList))))
                .ToList();
            if (statements.Count > 1)
            {
                editor.InsertAfter(statement, statements.Skip(1).Select(s => s.WithLeadingTrivia(statement.GetLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation)));
            }

            editor.ReplaceNode(statement, statements[0]);

            return;
        }

        editor.ReplaceNode(add, add.WithArgumentList(ArgumentList(new[] { Literal(literals[0]) }, add.ArgumentList)));
    }

    private static void Rename(DocumentEditor editor, SyntaxNode root, Diagnostic diagnostic, string property, string newName, ImmutableArray<string> values)
    {
        if (!diagnostic.Properties.TryGetValue(property, out var indexText)
            || !int.TryParse(indexText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            || index >= diagnostic.AdditionalLocations.Count
            || FindExact(root, diagnostic.AdditionalLocations[index]) is not InvocationExpressionSyntax invocation)
        {
            return;
        }

        var arguments = values.Select(Literal).ToArray();
        editor.ReplaceNode(invocation, (current, _) => WithNameAndArguments((InvocationExpressionSyntax)current, newName, arguments));
    }

    private static InvocationExpressionSyntax WithNameAndArguments(InvocationExpressionSyntax invocation, string name, ExpressionSyntax[] arguments)
    {
        var expression = invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.WithName(Renamed(member.Name, name)),
            MemberBindingExpressionSyntax binding => binding.WithName(Renamed(binding.Name, name)),
            SimpleNameSyntax simple => Renamed(simple, name),
            var other => other,
        };

        return invocation.WithExpression(expression).WithArgumentList(ArgumentList(arguments, invocation.ArgumentList));
    }

    private static SimpleNameSyntax Renamed(SimpleNameSyntax name, string newName)
        => SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(newName)).WithTriviaFrom(name);

    private static ArgumentListSyntax ArgumentList(IEnumerable<ExpressionSyntax> arguments, ArgumentListSyntax? original)
    {
        var list = SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments.Select(SyntaxFactory.Argument)));
        return original is null ? list : list.WithTriviaFrom(original);
    }

    private static LiteralExpressionSyntax Literal(string value)
        => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));

    private static SyntaxNode? FindExact(SyntaxNode root, Location location)
    {
        var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current.Span == location.SourceSpan && current is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax)
            {
                return current;
            }
        }

        return null;
    }
}
