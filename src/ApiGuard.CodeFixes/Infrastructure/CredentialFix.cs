using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Rules.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;

namespace ApiGuard.CodeFixes.Infrastructure;

/// <summary>
/// The fix of every credential rule (AG0501, AG0502, AG0503): replaces a hard-coded credential with a read of the configuration key
/// the analyzer chose (<c>Diagnostic.Properties</c>). It reads <c>builder.Configuration["…"]</c> (or the <c>IConfiguration</c> in
/// scope: a local, parameter, field or property, see <see cref="ConfigurationLookup"/>), <c>GetConnectionString("…")</c> for
/// connection strings, else <c>Environment.GetEnvironmentVariable("…")</c> with the key in its environment form
/// (<c>Admin__Password</c>). A required value fails loudly: <c>?? throw new InvalidOperationException("… is not configured.")</c>.
/// Where the language wants a constant (a <c>const</c> local or field), the declaration changes so that it can hold the read.
/// </summary>
internal static class CredentialFix
{
    /// <summary>Registers the fix for each diagnostic whose site can be fixed, with the equivalence key <c>&lt;ID&gt;.ReadFromConfiguration</c>.</summary>
    public static async Task RegisterAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!TryGetSite(diagnostic, out var site) || site == CredentialSite.ParameterDefault || Reported(root, diagnostic) is not { } reported
                || !await CanFixAsync(context.Document, reported, site, context.CancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var key = diagnostic.Properties[HardcodedCredentialAnalyzer.KeyProperty]!;
            var title = diagnostic.Properties.TryGetValue(HardcodedCredentialAnalyzer.ConnectionStringNameProperty, out var connection) && connection is not null
                ? "Read the connection string '" + connection + "' from configuration"
                : "Read '" + key + "' from configuration";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => FixAsync(context.Document, diagnostic, site, ct), diagnostic.Id + ".ReadFromConfiguration"),
                diagnostic);
        }
    }

    /// <summary>Whether a declaration can change: a <c>const</c> whose uses need a constant (an attribute argument, a case label) cannot.</summary>
    private static async Task<bool> CanFixAsync(Document document, ExpressionSyntax reported, CredentialSite site, CancellationToken cancellationToken)
    {
        if (site is not (CredentialSite.ConstLocal or CredentialSite.Field))
        {
            return true;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || reported.Parent?.Parent is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } declaration } declarator)
        {
            return false;
        }

        if (site == CredentialSite.ConstLocal)
        {
            return declaration.Parent is LocalDeclarationStatementSyntax statement
                && model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local
                && !UsedAsConstant(model, statement.Parent ?? statement, local, cancellationToken);
        }

        return declaration.Parent is FieldDeclarationSyntax
            && model.GetDeclaredSymbol(declarator, cancellationToken) is IFieldSymbol field
            && (await FieldUsesAsync(document, model, field, cancellationToken).ConfigureAwait(false)) is { } uses
            && (!field.IsConst || !uses.Written);
    }

    /// <summary>How a field is used across the solution; null when some use needs a constant.</summary>
    private static async Task<(bool Written, bool InstanceOnly)?> FieldUsesAsync(Document document, SemanticModel model, IFieldSymbol field, CancellationToken cancellationToken)
    {
        var references = await SymbolFinder.FindReferencesAsync(field, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        var written = false;
        var instanceOnly = true;
        foreach (var location in references.SelectMany(r => r.Locations))
        {
            var referenceRoot = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var node = referenceRoot?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is null || IsConstantContext(node))
            {
                return null;
            }

            written |= IsWrite(node);
            instanceOnly &= location.Document.Id == document.Id && IsUnqualifiedInInstanceMemberOf(model, node, field.ContainingType, cancellationToken);
        }

        return (written, instanceOnly);
    }

    private static bool TryGetSite(Diagnostic diagnostic, out CredentialSite site)
    {
        site = default;
        return diagnostic.Properties.TryGetValue(HardcodedCredentialAnalyzer.SiteProperty, out var text)
            && Enum.TryParse(text, out site)
            && diagnostic.Properties.ContainsKey(HardcodedCredentialAnalyzer.KeyProperty);
    }

    private static ExpressionSyntax? Reported(SyntaxNode root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        return root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == span);
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CredentialSite site, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Reported(root, diagnostic) is not { } reported)
        {
            return document;
        }

        var read = new Read(
            diagnostic.Properties[HardcodedCredentialAnalyzer.KeyProperty]!,
            diagnostic.Properties.TryGetValue(HardcodedCredentialAnalyzer.ConnectionStringNameProperty, out var connection) ? connection : null,
            diagnostic.Properties.TryGetValue(HardcodedCredentialAnalyzer.RequiredProperty, out var required) && required == "true",
            UsingDirectives.IsInScope(model, reported.SpanStart, "System", "InvalidOperationException") ? string.Empty : "System.");
        var types = KnownTypes.GetOrCreate(model.Compilation);
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        ExpressionSyntax? configuration = null;

        switch (site)
        {
            case CredentialSite.Value:
                configuration = IsInMemberInitializer(reported) ? null : FindConfiguration(model, reported.SpanStart, types);
                editor.ReplaceNode(reported, Annotate(Parenthesize(read.From(configuration), reported)));
                break;

            case CredentialSite.ByteArray:
                configuration = IsInMemberInitializer(reported) ? null : FindConfiguration(model, reported.SpanStart, types);
                var encoding = UsingDirectives.IsInScope(model, reported.SpanStart, "System.Text", "Encoding") ? "Encoding" : "System.Text.Encoding";
                var encoded = SyntaxFactory.ParseExpression(encoding + ".UTF8.GetBytes(" + read.From(configuration) + ")");
                editor.ReplaceNode(reported, Annotate(encoded));
                break;

            case CredentialSite.Fallback:
                editor.ReplaceNode(reported, Annotate(SyntaxFactory.ParseExpression(read.Throw())));
                break;

            case CredentialSite.PropertyInitializer:
                // A default that configuration binding may overwrite: read the environment, and never throw while the object is created.
                var fallback = read.Required ? " ?? string.Empty" : string.Empty;
                editor.ReplaceNode(reported, Annotate(SyntaxFactory.ParseExpression(read.Environment() + fallback)));
                break;

            case CredentialSite.ConstLocal:
                if (reported.Parent?.Parent is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } declaration } declarator
                    || declaration.Parent is not LocalDeclarationStatementSyntax statement
                    || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local
                    || UsedAsConstant(model, statement.Parent ?? root, local, cancellationToken))
                {
                    return document;
                }

                configuration = FindConfiguration(model, statement.SpanStart, types);
                var withRead = statement.ReplaceNode(reported, Annotate(read.From(configuration)));
                var withoutConst = withRead.WithModifiers(SyntaxFactory.TokenList(withRead.Modifiers.Where(m => !m.IsKind(SyntaxKind.ConstKeyword))))
                    .WithLeadingTrivia(statement.GetLeadingTrivia());
                editor.ReplaceNode(statement, withoutConst);
                break;

            case CredentialSite.Field:
                if (!await FixFieldAsync(document, editor, model, reported, read, types, cancellationToken).ConfigureAwait(false))
                {
                    return document;
                }

                break;

            default:
                return document;
        }

        var changed = editor.GetChangedDocument();
        if (read.ConnectionStringName is not null && configuration is not null
            && !UsingDirectives.IsInScope(model, reported.SpanStart, "Microsoft.Extensions.Configuration", "ConfigurationExtensions"))
        {
            changed = await UsingDirectives.AddAsync(changed, "Microsoft.Extensions.Configuration", cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }

    /// <summary>
    /// A field initializer: a field nobody writes and no constant context uses becomes a get-only property that reads configuration
    /// (an instance property when the class has an <c>IConfiguration</c> and every use is in an instance member, else a static one
    /// that reads the environment). A field written elsewhere keeps its declaration and gets the environment read as initializer.
    /// </summary>
    private static async Task<bool> FixFieldAsync(Document document, DocumentEditor editor, SemanticModel model, ExpressionSyntax reported, Read read, KnownTypes types, CancellationToken cancellationToken)
    {
        if (reported.Parent?.Parent is not VariableDeclaratorSyntax declarator
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
            || declaration.Parent is not FieldDeclarationSyntax field
            || model.GetDeclaredSymbol(declarator, cancellationToken) is not IFieldSymbol symbol)
        {
            return false;
        }

        if (await FieldUsesAsync(document, model, symbol, cancellationToken).ConfigureAwait(false) is not var (written, instanceOnly))
        {
            return false;
        }

        if (written || field.AttributeLists.Count > 0)
        {
            if (symbol.IsConst)
            {
                return false;
            }

            editor.ReplaceNode(reported, Annotate(SyntaxFactory.ParseExpression(read.Environment(withThrow: read.Required))));
            return true;
        }

        var isStatic = symbol.IsStatic || symbol.IsConst;
        var configuration = FindConfiguration(model, field.SpanStart, types);
        var makeInstance = !isStatic || (instanceOnly && configuration is not null && !symbol.ContainingType.IsStatic);
        var value = makeInstance ? read.From(configuration) : read.From(null);
        var modifiers = field.Modifiers.Where(m => !m.IsKind(SyntaxKind.ConstKeyword) && !m.IsKind(SyntaxKind.ReadOnlyKeyword) && !m.IsKind(SyntaxKind.StaticKeyword) && !m.IsKind(SyntaxKind.VolatileKeyword)).ToList();
        if (!makeInstance)
        {
            modifiers.Add(SyntaxFactory.Token(SyntaxKind.StaticKeyword));
        }

        var property = SyntaxFactory.PropertyDeclaration(declaration.Type.WithoutTrivia(), declarator.Identifier.WithoutTrivia())
            .WithModifiers(SyntaxFactory.TokenList(modifiers.Select(m => m.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.Space))))
            .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(Annotate(value)))
            .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))
            .WithLeadingTrivia(field.GetLeadingTrivia())
            .WithTrailingTrivia(field.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        editor.ReplaceNode(field, property);
        return true;
    }

    /// <summary>Whether a reference must be a constant: an attribute argument, a case label or pattern, a parameter default, a constant's initializer.</summary>
    private static bool IsConstantContext(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case AttributeArgumentSyntax:
                case CaseSwitchLabelSyntax:
                case PatternSyntax:
                case ParameterSyntax:
                case EnumMemberDeclarationSyntax:
                    return true;
                case LocalDeclarationStatementSyntax local when local.IsConst:
                    return true;
                case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    return true;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool IsWrite(SyntaxNode node)
    {
        var expression = node.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault();
        while (expression?.Parent is MemberAccessExpressionSyntax member && member.Name == expression)
        {
            expression = member;
        }

        return expression?.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == expression,
            PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
            RefExpressionSyntax => true,
            _ => false,
        };
    }

    private static bool IsUnqualifiedInInstanceMemberOf(SemanticModel model, SyntaxNode node, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (node is not IdentifierNameSyntax identifier || identifier.Parent is MemberAccessExpressionSyntax { Name: var name } && name == identifier)
        {
            return false;
        }

        var member = model.SyntaxTree == node.SyntaxTree ? model.GetEnclosingSymbol(node.SpanStart, cancellationToken) : null;
        while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            member = member.ContainingSymbol;
        }

        return member is { IsStatic: false } && !(member is IFieldSymbol or IPropertySymbol && node.FirstAncestorOrSelf<EqualsValueClauseSyntax>() is not null)
            && SymbolEqualityComparer.Default.Equals(member.ContainingType, type);
    }

    private static bool UsedAsConstant(SemanticModel model, SyntaxNode scope, ILocalSymbol local, CancellationToken cancellationToken)
        => scope.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(i => i.Identifier.ValueText == local.Name)
            .Any(i => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i, cancellationToken).Symbol, local) && IsConstantContext(i));

    /// <summary>
    /// The configuration to read at <paramref name="position"/>: an <c>IConfiguration</c> in scope, and, among the objects that have a
    /// <c>Configuration</c> property, the app's builder first (<c>builder.Configuration</c> in a top-level program).
    /// </summary>
    private static ExpressionSyntax? FindConfiguration(SemanticModel model, int position, KnownTypes types)
    {
        var found = ConfigurationLookup.Find(model, position, types);
        if (found is not MemberAccessExpressionSyntax)
        {
            return found;
        }

        foreach (var symbol in model.LookupSymbols(position))
        {
            if (symbol is ILocalSymbol local
                && local.DeclaringSyntaxReferences.Length > 0 && local.DeclaringSyntaxReferences[0].Span.End < position
                && (types.IsOrInherits(local.Type, KnownType.Microsoft_AspNetCore_Builder_WebApplicationBuilder)
                    || types.IsOrInherits(local.Type, KnownType.Microsoft_Extensions_Hosting_IHostApplicationBuilder)))
            {
                return SyntaxFactory.ParseExpression(local.Name + ".Configuration");
            }
        }

        return found;
    }


    /// <summary>Field and property initializers cannot use instance members: they read the environment.</summary>
    private static bool IsInMemberInitializer(SyntaxNode node)
        => node.AncestorsAndSelf().Any(a => a is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } } or EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax });

    private static ExpressionSyntax Parenthesize(ExpressionSyntax replacement, ExpressionSyntax original)
        => original.Parent is ArgumentSyntax or EqualsValueClauseSyntax or AssignmentExpressionSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax or InitializerExpressionSyntax
            ? replacement
            : SyntaxFactory.ParenthesizedExpression(replacement);

    private static T Annotate<T>(T node)
        where T : SyntaxNode
        => node.WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary>How to read one credential: its key, its connection string name (if it is one), and whether it is required.</summary>
    private sealed class Read
    {
        private readonly string _system;

        public Read(string key, string? connectionStringName, bool required, string system)
        {
            Key = key;
            ConnectionStringName = connectionStringName;
            Required = required;
            _system = system;
        }

        public string Key { get; }

        public string? ConnectionStringName { get; }

        public bool Required { get; }

        /// <summary>Reads configuration through <paramref name="configuration"/>, or the environment when it is null.</summary>
        public ExpressionSyntax From(ExpressionSyntax? configuration)
        {
            if (configuration is null)
            {
                return SyntaxFactory.ParseExpression(Environment(withThrow: Required));
            }

            var text = ConnectionStringName is not null
                ? configuration + ".GetConnectionString(" + Literal(ConnectionStringName) + ")"
                : configuration + "[" + Literal(Key) + "]";
            return SyntaxFactory.ParseExpression(Required ? text + " ?? " + Throw(Key) : text);
        }

        public string Environment(bool withThrow = false)
        {
            var variable = Credentials.EnvironmentVariable(Key);
            var text = _system + "Environment.GetEnvironmentVariable(" + Literal(variable) + ")";
            return withThrow ? text + " ?? " + Throw(variable) : text;
        }

        public string Throw() => Throw(Key);

        private string Throw(string name)
            => "throw new " + _system + "InvalidOperationException(" + Literal(name + " is not configured.") + ")";

        private static string Literal(string value) => SyntaxFactory.Literal(value).ToString();
    }
}
