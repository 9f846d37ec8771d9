using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.RateLimiting;

/// <summary>
/// AG0605: a request body size limit is removed: <c>[DisableRequestSizeLimit]</c> (or the attribute as endpoint metadata),
/// <c>[RequestSizeLimit(long.MaxValue)]</c>, <c>MaxRequestBodySize = null</c> (or <c>long.MaxValue</c>) on Kestrel, IIS, HTTP.sys or
/// the per-request feature, and the form limits <c>MultipartBodyLengthLimit = long.MaxValue</c>, <c>ValueLengthLimit</c> and
/// <c>MultipartHeadersLengthLimit = int.MaxValue</c> on <c>FormOptions</c> or <c>[RequestFormLimits]</c>. One request can then
/// fill the server's memory or disk.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RequestSizeLimitRemovedAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property naming the edit: <see cref="Rename"/> (the attribute becomes <c>RequestSizeLimit(n)</c>) or <see cref="Replace"/> (the value is replaced).</summary>
    public const string EditProperty = "Edit";

    /// <summary>Property naming the limit the fix writes: <see cref="BodyLimit"/>, <see cref="ValueLengthLimit"/> or <see cref="HeadersLengthLimit"/>.</summary>
    public const string LimitProperty = "Limit";

    public const string Rename = "Rename";

    public const string Replace = "Replace";

    /// <summary>The body size of <c>apiguard.rate_limiting.max_request_body_size</c>.</summary>
    public const string BodyLimit = "Body";

    /// <summary>ASP.NET Core's default <c>FormOptions.ValueLengthLimit</c>, 4 MiB.</summary>
    public const string ValueLengthLimit = "ValueLength";

    /// <summary>ASP.NET Core's default <c>FormOptions.MultipartHeadersLengthLimit</c>, 16 KiB.</summary>
    public const string HeadersLengthLimit = "HeadersLength";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.RequestSizeLimitRemoved,
        title: "Do not remove the request size limit",
        messageFormat: "'{0}' removes a request size limit, so a single request can exhaust the server's memory, disk or connections",
        description: "Kestrel, IIS and form reading cap request bodies by default (30,000,000 bytes for the body). Removing the cap lets any "
            + "client send an endless body that the server reads, buffers or writes to disk. Set an explicit limit that fits the endpoint instead.",
        RuleArea.RateLimiting,
        DiagnosticSeverity.Warning,
        cwe: 770,
        owasp: "API4",
        hasCodeFix: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.GetOrCreate(start.Compilation);
            if (!types.IsAspNetCoreApp || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            var analysis = new CompilationAnalysis(types);
            start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
            start.RegisterOperationAction(analysis.AnalyzeCreation, OperationKind.ObjectCreation);
            // Attributes of types and members reach the operation actions (as the object creation of an attribute operation);
            // attributes of lambdas and local functions do not, so those are read from syntax.
            start.RegisterSyntaxNodeAction(analysis.AnalyzeAttribute, SyntaxKind.Attribute);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly KnownTypes _types;

        public CompilationAnalysis(KnownTypes types) => _types = types;

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property }
                || LimitOf(property) is not { } limit
                || !IsRemoved(EnvironmentValue.OutsideDevelopment(assignment.Value, _types), limit)
                || EnvironmentGuard.Classify(assignment, _types) is GuardKind.DevelopmentOnly or GuardKind.Unknown)
            {
                return;
            }

            Report(context.ReportDiagnostic, assignment.Syntax, Replace, limit);
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is not { } type
                || !(_types.IsType(type, KnownType.Microsoft_AspNetCore_Mvc_DisableRequestSizeLimitAttribute) || _types.IsType(type, KnownType.Microsoft_AspNetCore_Mvc_RequestSizeLimitAttribute))
                || EnvironmentGuard.Classify(creation, _types) is GuardKind.DevelopmentOnly or GuardKind.Unknown)
            {
                return;
            }

            if (_types.IsType(type, KnownType.Microsoft_AspNetCore_Mvc_DisableRequestSizeLimitAttribute))
            {
                Report(context.ReportDiagnostic, creation.Syntax, Rename, BodyLimit);
            }
            else if (_types.IsType(type, KnownType.Microsoft_AspNetCore_Mvc_RequestSizeLimitAttribute)
                && creation.Arguments.Length == 1
                && IsRemoved(EnvironmentValue.OutsideDevelopment(creation.Arguments[0].Value, _types), BodyLimit))
            {
                Report(context.ReportDiagnostic, creation.Arguments[0].Value.Syntax, Replace, BodyLimit);
            }
        }

        /// <summary>Attributes on lambdas (<c>app.MapPost("/upload", [DisableRequestSizeLimit] (...) => ...)</c>) and local functions.</summary>
        public void AnalyzeAttribute(SyntaxNodeAnalysisContext context)
        {
            var attribute = (AttributeSyntax)context.Node;
            if (attribute.Parent?.Parent is not (LambdaExpressionSyntax or LocalFunctionStatementSyntax))
            {
                return;
            }

            var name = attribute.Name.ToString();
            if ((name.IndexOf("RequestSizeLimit", StringComparison.Ordinal) < 0 && name.IndexOf("RequestFormLimits", StringComparison.Ordinal) < 0)
                || context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is not IMethodSymbol { ContainingType: { } type })
            {
                return;
            }

            var model = context.SemanticModel;
            var cancellationToken = context.CancellationToken;
            Check(context.ReportDiagnostic, attribute, type, argument => model.GetConstantValue(argument.Expression, cancellationToken));
        }

        private void Check(Action<Diagnostic> report, AttributeSyntax attribute, INamedTypeSymbol type, Func<AttributeArgumentSyntax, Optional<object?>> constant)
        {
            if (_types.IsType(type, KnownType.Microsoft_AspNetCore_Mvc_DisableRequestSizeLimitAttribute))
            {
                Report(report, attribute, Rename, BodyLimit);
                return;
            }

            var requestSize = _types.IsType(type, KnownType.Microsoft_AspNetCore_Mvc_RequestSizeLimitAttribute);
            if (!requestSize && !_types.IsType(type, KnownType.Microsoft_AspNetCore_Mvc_RequestFormLimitsAttribute))
            {
                return;
            }

            foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
            {
                var limit = requestSize
                    ? (argument.NameEquals is null ? BodyLimit : null)
                    : argument.NameEquals is { } named ? FormLimit(named.Name.Identifier.ValueText) : null;
                if (limit is not null && IsRemoved(constant(argument), limit))
                {
                    Report(report, requestSize ? argument.Expression : argument, Replace, limit);
                }
            }
        }

        /// <summary>The limit a property holds: the body size on the servers and the feature, the form limits on FormOptions and [RequestFormLimits].</summary>
        private string? LimitOf(IPropertySymbol property)
        {
            var type = property.ContainingType;
            if (property.Name == "MaxRequestBodySize")
            {
                return _types.IsType(type, KnownType.Microsoft_AspNetCore_Server_Kestrel_Core_KestrelServerLimits)
                    || _types.IsType(type, KnownType.Microsoft_AspNetCore_Builder_IISServerOptions)
                    || _types.IsType(type, KnownType.Microsoft_AspNetCore_Server_HttpSys_HttpSysOptions)
                    || _types.IsType(type, KnownType.Microsoft_AspNetCore_Http_Features_IHttpMaxRequestBodySizeFeature)
                    ? BodyLimit
                    : null;
            }

            return _types.IsType(type, KnownType.Microsoft_AspNetCore_Http_Features_FormOptions)
                || _types.IsType(type, KnownType.Microsoft_AspNetCore_Mvc_RequestFormLimitsAttribute)
                ? FormLimit(property.Name)
                : null;
        }

        private static string? FormLimit(string name) => name switch
        {
            "MultipartBodyLengthLimit" => BodyLimit,
            "ValueLengthLimit" => ValueLengthLimit,
            "MultipartHeadersLengthLimit" => HeadersLengthLimit,
            _ => null,
        };

        /// <summary>Whether the value removes the limit: null (no limit) for the body size, or the type's maximum.</summary>
        private static bool IsRemoved(Optional<object?> value, string limit)
        {
            if (!value.HasValue)
            {
                return false;
            }

            return value.Value switch
            {
                null => limit == BodyLimit,
                long number => limit == BodyLimit && number == long.MaxValue,
                int number => limit != BodyLimit && number == int.MaxValue,
                _ => false,
            };
        }

        private static void Report(Action<Diagnostic> report, SyntaxNode node, string edit, string limit)
        {
            var text = node.ToString();
            var name = text.IndexOf('\n') < 0 && text.Length <= 80 ? text : "this setting";
            var properties = ImmutableDictionary<string, string?>.Empty.Add(EditProperty, edit).Add(LimitProperty, limit);
            report(Diagnostic.Create(Rule, node.GetLocation(), properties, name));
        }
    }
}
