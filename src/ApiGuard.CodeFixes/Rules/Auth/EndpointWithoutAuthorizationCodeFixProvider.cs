using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Analyzer = ApiGuard.Analyzers.Rules.Auth.EndpointWithoutAuthorizationAnalyzer;

namespace ApiGuard.CodeFixes.Rules.Auth;

/// <summary>
/// Fixes AG0301, in this order: add <c>[Authorize]</c> to the controller (or the action, the page model, the hub); call
/// <c>RequireAuthorization()</c> on the endpoint (or on its route group when every endpoint of the group lacks authorization, or on
/// the <c>MapHub</c>/<c>MapGrpcService</c> call); mark the endpoint intentionally public (<c>[AllowAnonymous]</c> /
/// <c>AllowAnonymous()</c>); and, project-wide, require authorization by default with a fallback policy of authenticated users, in
/// the app's authorization registration (added when missing), which may be in another document.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EndpointWithoutAuthorizationCodeFixProvider))]
[Shared]
public sealed class EndpointWithoutAuthorizationCodeFixProvider : CodeFixProvider
{
    public const string AddAuthorizeKey = RuleIds.EndpointWithoutAuthorization + ".AddAuthorize";

    public const string RequireAuthorizationKey = RuleIds.EndpointWithoutAuthorization + ".RequireAuthorization";

    public const string AllowAnonymousKey = RuleIds.EndpointWithoutAuthorization + ".AllowAnonymous";

    public const string FallbackPolicyKey = RuleIds.EndpointWithoutAuthorization + ".FallbackPolicy";

    /// <summary>The policy the fallback fix sets: every request must come from an authenticated user.</summary>
    public const string AuthenticatedUserPolicy = "new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()";

    private const string AuthorizationNamespace = "Microsoft.AspNetCore.Authorization";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.EndpointWithoutAuthorization);

    public override FixAllProvider GetFixAllProvider() => MergingFixAllProvider.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var solution = context.Document.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var key in new[] { AddAuthorizeKey, RequireAuthorizationKey, AllowAnonymousKey, FallbackPolicyKey })
            {
                if (Edit.For(diagnostic, key) is { } edit)
                {
                    context.RegisterCodeFix(CodeAction.Create(edit.Title(diagnostic), ct => ApplyAsync(solution, new[] { edit }, ct), key), diagnostic);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Applies edits (distinct by target) to their documents, adding the using directives the new code needs.</summary>
    private static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<Edit> edits, CancellationToken cancellationToken)
    {
        foreach (var group in edits.GroupBy(e => e.Location.SourceTree!).ToList())
        {
            if (solution.GetDocument(group.Key) is not { } document
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
                || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
            {
                continue;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var namespaces = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var edit in group)
            {
                edit.Apply(editor, root, model, namespaces);
            }

            var changed = editor.GetChangedDocument();
            foreach (var name in namespaces)
            {
                changed = await UsingDirectives.AddAsync(changed, name, cancellationToken).ConfigureAwait(false);
            }

            solution = changed.Project.Solution;
        }

        return solution;
    }

    /// <summary>One change a fix makes, read from the diagnostic's properties and additional locations.</summary>
    private sealed class Edit
    {
        private Edit(string key, Location location, FallbackFixMode mode, string? services)
        {
            Key = key;
            Location = location;
            Mode = mode;
            Services = services;
        }

        public string Key { get; }

        public Location Location { get; }

        public FallbackFixMode Mode { get; }

        public string? Services { get; }

        /// <summary>Edits of the same kind on the same target are one edit (Fix All).</summary>
        public string Identity => Key + "|" + Location.SourceTree?.FilePath + "|" + Location.SourceSpan;

        public static Edit? For(Diagnostic diagnostic, string key)
        {
            var property = key switch
            {
                AddAuthorizeKey => Analyzer.AuthorizeLocationProperty,
                RequireAuthorizationKey => Analyzer.RequireLocationProperty,
                AllowAnonymousKey => Analyzer.AnonymousLocationProperty,
                _ => Analyzer.FallbackLocationProperty,
            };
            if (!diagnostic.Properties.TryGetValue(property, out var indexText)
                || !int.TryParse(indexText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                || index >= diagnostic.AdditionalLocations.Count
                || diagnostic.AdditionalLocations[index] is not { SourceTree: not null } location)
            {
                return null;
            }

            var mode = FallbackFixMode.InsertBefore;
            if (key == FallbackPolicyKey
                && (!diagnostic.Properties.TryGetValue(Analyzer.FallbackModeProperty, out var modeText) || !Enum.TryParse(modeText, out mode)))
            {
                return null;
            }

            diagnostic.Properties.TryGetValue(Analyzer.FallbackServicesProperty, out var services);
            return new Edit(key, location, mode, services);
        }

        public string Title(Diagnostic diagnostic)
        {
            var target = Target(Location.SourceTree!.GetRoot());
            return Key switch
            {
                AddAuthorizeKey => "Add [Authorize] to '" + Name(target) + "'",
                RequireAuthorizationKey => diagnostic.Properties.TryGetValue(Analyzer.RequireScopeProperty, out var scope) && scope == "Group"
                    ? "Call RequireAuthorization() on the route group"
                    : "Call RequireAuthorization() on '" + Name(target) + "'",
                AllowAnonymousKey => target is InvocationExpressionSyntax ? "Mark as intentionally public (AllowAnonymous())" : "Mark as intentionally public ([AllowAnonymous])",
                _ => "Require authorization by default (fallback policy)",
            };
        }

        public void Apply(DocumentEditor editor, SyntaxNode root, SemanticModel model, ISet<string> namespaces)
        {
            var target = Target(root);
            switch (target)
            {
                case MemberDeclarationSyntax declaration when Key is AddAuthorizeKey or AllowAnonymousKey:
                    var attribute = AuthorizationTypeName(model, declaration.SpanStart, Key == AddAuthorizeKey ? "Authorize" : "AllowAnonymous", namespaces);
                    editor.AddAttribute(declaration, SyntaxFactory.Attribute(SyntaxFactory.ParseName(attribute)));
                    break;

                case InvocationExpressionSyntax invocation when Key is RequireAuthorizationKey or AllowAnonymousKey:
                    Require(model, invocation.SpanStart, "Microsoft.AspNetCore.Builder", "AuthorizationEndpointConventionBuilderExtensions", namespaces);
                    Chain(editor, invocation, Key == AllowAnonymousKey ? "AllowAnonymous" : "RequireAuthorization", string.Empty);
                    break;

                case not null when Key == FallbackPolicyKey:
                    ApplyFallback(editor, target, model, namespaces);
                    break;
            }
        }

        private void ApplyFallback(DocumentEditor editor, SyntaxNode target, SemanticModel model, ISet<string> namespaces)
        {
            var policy = AuthorizationTypeName(model, target.SpanStart, "AuthorizationPolicyBuilder", namespaces);
            var value = "new " + policy + "().RequireAuthenticatedUser().Build()";
            var newLine = SyntaxText.NewLine(target.SyntaxTree.GetRoot());
            switch (Mode)
            {
                case FallbackFixMode.SetOnBuilder when target is InvocationExpressionSyntax builder:
                    Chain(editor, builder, "SetFallbackPolicy", value);
                    break;

                case FallbackFixMode.AddOptions when target is InvocationExpressionSyntax registration:
                    var lambda = SyntaxFactory.ParseExpression("options => options.FallbackPolicy = " + value);
                    editor.ReplaceNode(registration, (current, _) =>
                    {
                        var call = (InvocationExpressionSyntax)current;
                        return call.WithArgumentList(call.ArgumentList.AddArguments(SyntaxFactory.Argument(lambda))).WithAdditionalAnnotations(Formatter.Annotation);
                    });
                    break;

                case FallbackFixMode.ExtendLambda when target is InvocationExpressionSyntax registration
                    && registration.ArgumentList.Arguments.Select(a => a.Expression).OfType<LambdaExpressionSyntax>().FirstOrDefault() is { } options:
                    var parameter = options switch
                    {
                        SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
                        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: > 0 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
                        _ => null,
                    };
                    if (parameter is null)
                    {
                        break;
                    }

                    var assignment = parameter + ".FallbackPolicy = " + value + ";";
                    editor.ReplaceNode(options, (current, _) =>
                    {
                        var function = (LambdaExpressionSyntax)current;
                        if (function.Block is { } block)
                        {
                            return function.WithBlock(block.AddStatements(SyntaxFactory.ParseStatement(assignment + newLine).WithAdditionalAnnotations(Formatter.Annotation)));
                        }

                        // An expression body becomes a block: the expression as a statement, then the assignment.
                        var text = function.WithoutTrivia().ToFullString();
                        var head = text.Substring(0, function.ArrowToken.Span.End - function.SpanStart);
                        var rewritten = SyntaxFactory.ParseExpression(
                            head + newLine + "{" + newLine + function.ExpressionBody!.WithoutTrivia().ToFullString() + ";" + newLine + assignment + newLine + "}");
                        return rewritten.WithTriviaFrom(function).WithAdditionalAnnotations(Formatter.Annotation);
                    });
                    break;

                case FallbackFixMode.InsertBefore or FallbackFixMode.InsertAfter when target is StatementSyntax statement && Services is not null:
                    Require(model, statement.SpanStart, "Microsoft.Extensions.DependencyInjection", "PolicyServiceCollectionExtensions", namespaces);
                    var registrationStatement = SyntaxFactory.ParseStatement(Services + ".AddAuthorization(options => options.FallbackPolicy = " + value + ");" + newLine)
                        .WithAdditionalAnnotations(Formatter.Annotation);
                    SyntaxNode anchor = statement.Parent is GlobalStatementSyntax global ? global : statement;
                    SyntaxNode inserted = anchor is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(registrationStatement).WithAdditionalAnnotations(Formatter.Annotation) : registrationStatement;
                    if (Mode == FallbackFixMode.InsertBefore)
                    {
                        editor.InsertBefore(anchor, inserted);
                    }
                    else
                    {
                        editor.InsertAfter(anchor, inserted);
                    }

                    break;
            }
        }

        /// <summary>The node this edit changes: a class or method declaration, a call, or a statement.</summary>
        private SyntaxNode? Target(SyntaxNode root)
        {
            if (Location.SourceTree != root.SyntaxTree)
            {
                return null;
            }

            var span = Location.SourceSpan;
            return root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf()
                .FirstOrDefault(n => n.Span == span && n is MemberDeclarationSyntax or InvocationExpressionSyntax or StatementSyntax);
        }

        private static string Name(SyntaxNode? node) => node switch
        {
            BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.Identifier.ValueText + "(...)",
            _ => "the endpoint",
        };

        /// <summary><c>x</c> becomes <c>x.Name(arguments)</c>, with <c>x</c>'s trailing trivia moved after the new call.</summary>
        private static void Chain(DocumentEditor editor, InvocationExpressionSyntax invocation, string name, string arguments)
            => editor.ReplaceNode(invocation, (current, _) =>
            {
                var receiver = (ExpressionSyntax)current;
                var call = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), SyntaxFactory.IdentifierName(name)),
                    SyntaxFactory.ParseArgumentList("(" + arguments + ")"));
                return call.WithTriviaFrom(receiver);
            });

        /// <summary>
        /// How to write a type of <c>Microsoft.AspNetCore.Authorization</c> at <paramref name="position"/>: its simple name (adding the
        /// using directive when it is not in scope), or its full name when another type of that name is in scope.
        /// </summary>
        private static string AuthorizationTypeName(SemanticModel model, int position, string name, ISet<string> namespaces)
        {
            var candidates = model.LookupNamespacesAndTypes(position, name: name).Concat(model.LookupNamespacesAndTypes(position, name: name + "Attribute")).ToList();
            if (candidates.Any(t => t.ContainingNamespace?.ToDisplayString() == AuthorizationNamespace))
            {
                return name;
            }

            if (candidates.Count > 0)
            {
                return AuthorizationNamespace + "." + name;
            }

            namespaces.Add(AuthorizationNamespace);
            return name;
        }

        private static void Require(SemanticModel model, int position, string namespaceName, string typeName, ISet<string> namespaces)
        {
            if (!UsingDirectives.IsInScope(model, position, namespaceName, typeName))
            {
                namespaces.Add(namespaceName);
            }
        }
    }

    /// <summary>
    /// Fix All: collects the edits of every diagnostic in scope, merges those that change the same target (one <c>[Authorize]</c>
    /// for several actions of a controller, one route group, one fallback policy for the whole app), and applies them together.
    /// </summary>
    private sealed class MergingFixAllProvider : FixAllProvider
    {
        public static readonly MergingFixAllProvider Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext context)
        {
            if (context.CodeActionEquivalenceKey is not { } key)
            {
                return Task.FromResult<CodeAction?>(null);
            }

            return Task.FromResult<CodeAction?>(CodeAction.Create("Fix all AG0301 (" + key + ")", ct => FixAllAsync(context, key, ct), key));
        }

        private static async Task<Solution> FixAllAsync(FixAllContext context, string key, CancellationToken cancellationToken)
        {
            var documents = context.Scope switch
            {
                FixAllScope.Document when context.Document is not null => new[] { context.Document },
                FixAllScope.Project => context.Project.Documents,
                _ => context.Solution.Projects.SelectMany(p => p.Documents),
            };

            var edits = new List<Edit>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var document in documents)
            {
                foreach (var diagnostic in await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                {
                    if (Edit.For(diagnostic, key) is { } edit && seen.Add(edit.Identity))
                    {
                        edits.Add(edit);
                    }
                }
            }

            return await ApplyAsync(context.Solution, edits, cancellationToken).ConfigureAwait(false);
        }
    }
}
