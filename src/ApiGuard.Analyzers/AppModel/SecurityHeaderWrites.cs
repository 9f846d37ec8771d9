using System.Threading;
using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.AppModel;

/// <summary>The security response headers some code of the compilation writes.</summary>
[Flags]
internal enum SecurityHeaders
{
    None = 0,

    /// <summary><c>X-Content-Type-Options</c>.</summary>
    ContentTypeOptions = 1,

    /// <summary><c>X-Frame-Options</c>, or a CSP with <c>frame-ancestors</c>.</summary>
    FrameProtection = 2,

    /// <summary><c>Content-Security-Policy</c>.</summary>
    ContentSecurityPolicy = 4,
}

/// <summary>
/// Finds which security headers any code in a compilation writes: <c>Headers["X-Frame-Options"] = …</c>,
/// <c>Headers.Append/Add/TryAdd(name, …)</c>, the typed <c>IHeaderDictionary.XContentTypeOptions</c>/<c>XFrameOptions</c>/
/// <c>ContentSecurityPolicy</c> properties, names given as literals, constants or <c>HeaderNames.*</c>, and the known header
/// libraries (NetEscapades' <c>UseSecurityHeaders</c>, NWebsec's <c>UseXContentTypeOptions</c>/<c>UseXfo</c>/<c>UseCsp</c>).
/// Where the write happens (a middleware, a filter, a helper) and under which guard is not considered.
/// </summary>
/// <remarks>
/// Cheap by construction: a tree is bound only when its text mentions one of <see cref="Markers"/>, and then only the expressions
/// around those tokens. <see cref="AppModelProvider.SecurityHeadersWritten"/> computes it once per compilation.
/// </remarks>
internal static class SecurityHeaderWrites
{
    /// <summary>The texts a tree must contain to be bound (header names are matched case-insensitively).</summary>
    internal static readonly string[] Markers =
    {
        "X-Content-Type-Options", "X-Frame-Options", "Content-Security-Policy", "XContentTypeOptions", "XFrameOptions", "ContentSecurityPolicy",
        "UseSecurityHeaders", "UseXContentTypeOptions", "UseXfo", "UseCsp",
    };

    public static SecurityHeaders Find(Compilation compilation, KnownTypes types, Func<SyntaxTree, SemanticModel> modelOf, CancellationToken cancellationToken)
    {
        var found = SecurityHeaders.None;

        // Header names kept in constants (`const string FrameOptions = "X-Frame-Options";`) are written through the constant's
        // name, so those names become markers too, for a second pass.
        var constants = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = tree.GetText(cancellationToken).ToString();
            if (Markers.Any(marker => text.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                found |= Scan(tree, IsMarker, constants, types, modelOf, cancellationToken);
            }
        }

        if (constants.Count > 0)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                var text = tree.GetText(cancellationToken).ToString();
                if (constants.Any(name => text.IndexOf(name, StringComparison.Ordinal) >= 0))
                {
                    found |= Scan(tree, token => token.IsKind(SyntaxKind.IdentifierToken) && constants.Contains(token.ValueText), null, types, modelOf, cancellationToken);
                }
            }
        }

        return found;
    }

    private static SecurityHeaders Scan(
        SyntaxTree tree,
        Func<SyntaxToken, bool> isMarker,
        HashSet<string>? constants,
        KnownTypes types,
        Func<SyntaxTree, SemanticModel> modelOf,
        CancellationToken cancellationToken)
    {
        var found = SecurityHeaders.None;
        var root = tree.GetRoot(cancellationToken);
        SemanticModel? model = null;
        var seen = new HashSet<SyntaxNode>();
        foreach (var token in root.DescendantTokens())
        {
            if (!isMarker(token))
            {
                continue;
            }

            if (constants is not null
                && token.IsKind(SyntaxKind.StringLiteralToken)
                && token.Parent?.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                && declarator.Parent?.Parent is FieldDeclarationSyntax or LocalDeclarationStatementSyntax)
            {
                constants.Add(declarator.Identifier.ValueText);
                continue;
            }

            if (Candidate(token) is not { } candidate || !seen.Add(candidate))
            {
                continue;
            }

            model ??= modelOf(tree);
            if (model.GetOperation(candidate, cancellationToken) is { } operation)
            {
                found |= Classify(operation, types);
            }
        }

        return found;
    }

    /// <summary>The headers one operation writes (an invocation or an assignment), for the unit tests and <see cref="Find"/>.</summary>
    internal static SecurityHeaders Classify(IOperation operation, KnownTypes types)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                return ClassifyInvocation(invocation, types);

            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                when types.IsOrInherits(target.Property.ContainingType, KnownType.Microsoft_AspNetCore_Http_IHeaderDictionary)
                    || (target.Instance?.Type is { } instanceType && types.IsOrInherits(instanceType, KnownType.Microsoft_AspNetCore_Http_IHeaderDictionary)):
                if (target.Property.IsIndexer)
                {
                    return target.Arguments.Length == 1 ? Header(target.Arguments[0].Value, assignment.Value, types) : SecurityHeaders.None;
                }

                return target.Property.Name switch
                {
                    "XContentTypeOptions" => SecurityHeaders.ContentTypeOptions,
                    "XFrameOptions" => SecurityHeaders.FrameProtection,
                    "ContentSecurityPolicy" => SecurityHeaders.ContentSecurityPolicy | FrameAncestors(assignment.Value),
                    _ => SecurityHeaders.None,
                };

            default:
                return SecurityHeaders.None;
        }
    }

    private static SecurityHeaders ClassifyInvocation(IInvocationOperation invocation, KnownTypes types)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (types.IsMethod(method, KnownType.Microsoft_AspNetCore_Builder_SecurityHeadersMiddlewareExtensions, "UseSecurityHeaders"))
        {
            return SecurityHeaders.ContentTypeOptions | SecurityHeaders.FrameProtection | SecurityHeaders.ContentSecurityPolicy;
        }

        if (IsNWebsec(method))
        {
            return method.Name switch
            {
                "UseXContentTypeOptions" => SecurityHeaders.ContentTypeOptions,
                "UseXfo" => SecurityHeaders.FrameProtection,
                "UseCsp" => SecurityHeaders.ContentSecurityPolicy,
                _ => SecurityHeaders.None,
            };
        }

        // Headers.Append(name, value), Headers.Add(name, value), Headers.TryAdd(name, value) (instance or extension).
        if (method.Name is not ("Append" or "Add" or "TryAdd" or "AppendCommaSeparatedValues"))
        {
            return SecurityHeaders.None;
        }

        var receiver = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        var offset = invocation.Instance is null ? 1 : 0;
        if (receiver is null || !IsHeaders(receiver, types) || invocation.Arguments.Length < offset + 2)
        {
            return SecurityHeaders.None;
        }

        var ordered = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue).ToList();
        return Header(ordered[offset].Value, ordered[offset + 1].Value, types);
    }

    /// <summary>
    /// NWebsec's extensions live in <c>Microsoft.AspNetCore.Builder.ApplicationBuilderExtensions</c>, a name the framework's localization
    /// assembly also uses, so a metadata-name lookup would find the framework's class: the class is matched with its assembly instead.
    /// </summary>
    private static bool IsNWebsec(IMethodSymbol method)
        => method.ContainingType is { Name: "ApplicationBuilderExtensions" } type
            && type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Builder"
            && type.ContainingAssembly?.Name == NWebsecAssembly;

    /// <summary>The assembly of NWebsec's ASP.NET Core middleware.</summary>
    internal const string NWebsecAssembly = "NWebsec.AspNetCore.Middleware";

    private static bool IsHeaders(IOperation receiver, KnownTypes types)
    {
        while (receiver is IConversionOperation { IsImplicit: true } conversion)
        {
            receiver = conversion.Operand;
        }

        return receiver.Type is { } type && types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Http_IHeaderDictionary);
    }

    /// <summary>The header a name argument names: a constant (literal, <c>const</c>) or a <c>HeaderNames</c> field.</summary>
    private static SecurityHeaders Header(IOperation name, IOperation value, KnownTypes types)
    {
        while (name is IConversionOperation { IsImplicit: true } conversion)
        {
            name = conversion.Operand;
        }

        string? text = name.ConstantValue is { HasValue: true, Value: string constant } ? constant : null;
        if (text is null && name is IFieldReferenceOperation field && types.IsType(field.Field.ContainingType, KnownType.Microsoft_Net_Http_Headers_HeaderNames))
        {
            text = field.Field.Name switch
            {
                "XContentTypeOptions" => "X-Content-Type-Options",
                "XFrameOptions" => "X-Frame-Options",
                "ContentSecurityPolicy" => "Content-Security-Policy",
                _ => null,
            };
        }

        // `static readonly string FrameOptions = "X-Frame-Options";` declared in source.
        if (text is null
            && name is IFieldReferenceOperation { Field: { IsReadOnly: true, IsStatic: true } readOnlyField }
            && readOnlyField.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal })
        {
            text = literal.Token.ValueText;
        }

        if (text is null)
        {
            return SecurityHeaders.None;
        }

        if (string.Equals(text, "X-Content-Type-Options", StringComparison.OrdinalIgnoreCase))
        {
            return SecurityHeaders.ContentTypeOptions;
        }

        if (string.Equals(text, "X-Frame-Options", StringComparison.OrdinalIgnoreCase))
        {
            return SecurityHeaders.FrameProtection;
        }

        return string.Equals(text, "Content-Security-Policy", StringComparison.OrdinalIgnoreCase)
            ? SecurityHeaders.ContentSecurityPolicy | FrameAncestors(value)
            : SecurityHeaders.None;
    }

    /// <summary>A constant CSP that has a <c>frame-ancestors</c> directive protects against framing too.</summary>
    private static SecurityHeaders FrameAncestors(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value.ConstantValue is { HasValue: true, Value: string csp } && csp.IndexOf("frame-ancestors", StringComparison.OrdinalIgnoreCase) >= 0
            ? SecurityHeaders.FrameProtection
            : SecurityHeaders.None;
    }

    private static bool IsMarker(SyntaxToken token)
    {
        if (token.IsKind(SyntaxKind.StringLiteralToken))
        {
            var value = token.ValueText;
            return value.Equals("X-Content-Type-Options", StringComparison.OrdinalIgnoreCase)
                || value.Equals("X-Frame-Options", StringComparison.OrdinalIgnoreCase)
                || value.Equals("Content-Security-Policy", StringComparison.OrdinalIgnoreCase);
        }

        return token.IsKind(SyntaxKind.IdentifierToken)
            && token.ValueText is "XContentTypeOptions" or "XFrameOptions" or "ContentSecurityPolicy" or "UseSecurityHeaders" or "UseXContentTypeOptions" or "UseXfo" or "UseCsp";
    }

    /// <summary>
    /// The expression around a marker token to bind: the invocation or assignment it is part of (<c>Headers["X"] = …</c>,
    /// <c>Headers.Append(HeaderNames.X, …)</c>, <c>Headers.XFrameOptions = …</c>, <c>app.UseSecurityHeaders()</c>).
    /// </summary>
    private static SyntaxNode? Candidate(SyntaxToken token)
    {
        var node = token.Parent;
        for (var depth = 0; node is not null && depth < 8; depth++, node = node.Parent)
        {
            switch (node)
            {
                case AssignmentExpressionSyntax:
                case InvocationExpressionSyntax:
                    return node;
                case StatementSyntax or MemberDeclarationSyntax or LambdaExpressionSyntax:
                    return null;
            }
        }

        return null;
    }
}
