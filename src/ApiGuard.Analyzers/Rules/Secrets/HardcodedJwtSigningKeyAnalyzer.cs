using System.Collections.Concurrent;
using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ApiGuard.Analyzers.Rules.Secrets;

/// <summary>
/// AG0503: <c>new SymmetricSecurityKey(...)</c> gets its bytes from a literal or constant (<c>Encoding.*.GetBytes("…")</c>,
/// <c>Convert.FromBase64String("…")</c>, a byte-array literal, a local set from one of these, or the literal fallback of
/// <c>configuration["…"] ?? "…"</c>). Wherever the key is used (<c>IssuerSigningKey</c>, <c>SigningCredentials</c>), anyone who
/// has the code or the compiled app can sign tokens the API accepts, for any user and any role.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedJwtSigningKeyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The configuration key the fix reads the signing key from, unless the code already names one.</summary>
    public const string DefaultKey = "Jwt:SigningKey";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.HardcodedJwtSigningKey,
        title: "Do not hard-code the JWT signing key",
        messageFormat: "The key of '{0}' is hard-coded, so anyone with the code or the compiled app can sign tokens this API accepts",
        description: "A symmetric signing key built from a literal is in every copy of the source and of the compiled assembly. Whoever has "
            + "it can issue valid tokens for any user and role. Read the key from configuration (user secrets, the environment or a vault).",
        RuleArea.Secrets,
        DiagnosticSeverity.Error,
        cwe: 798,
        owasp: "API2",
        hasCodeFix: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.GetOrCreate(start.Compilation);
            if (!types.IsAspNetCoreApp
                || types.Get(KnownType.Microsoft_IdentityModel_Tokens_SymmetricSecurityKey) is null
                || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            var analysis = new CompilationAnalysis(types, AppModelProvider.GetOrCreate(start.Compilation));
            start.RegisterOperationAction(analysis.Analyze, OperationKind.ObjectCreation);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly KnownTypes _types;
        private readonly AppModelProvider _provider;

        // One key literal held in a local can reach several keys: report it once.
        private readonly ConcurrentDictionary<(SyntaxTree, TextSpan), byte> _reported = new();

        public CompilationAnalysis(KnownTypes types, AppModelProvider provider)
        {
            _types = types;
            _provider = provider;
        }

        public void Analyze(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!_types.IsOrInherits(creation.Type, KnownType.Microsoft_IdentityModel_Tokens_SymmetricSecurityKey)
                || creation.Arguments.Length == 0
                || creation.Arguments[0].Parameter?.Type is not IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
            {
                return;
            }

            if (HardcodedBytes(creation.Arguments[0].Value, depth: 0) is not { } found
                || !Credentials.RunsOutsideDevelopment(creation, _types, _provider, context.CancellationToken)
                || !_reported.TryAdd((found.Reported.SyntaxTree, found.Reported.Span), 0))
            {
                return;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[HardcodedCredentialAnalyzer.SiteProperty] = found.Site.ToString();
            properties[HardcodedCredentialAnalyzer.RequiredProperty] = "true";
            properties[HardcodedCredentialAnalyzer.KeyProperty] = found.ExistingKey ?? DefaultKey;
            context.ReportDiagnostic(Diagnostic.Create(Rule, found.Reported.GetLocation(), properties.ToImmutable(), "new " + creation.Type!.Name + "(...)"));
        }

        /// <summary>Where the key bytes are hard-coded, or null when they come from anywhere else.</summary>
        private (SyntaxNode Reported, CredentialSite Site, string? ExistingKey)? HardcodedBytes(IOperation bytes, int depth)
        {
            bytes = Credentials.Unwrap(bytes);
            switch (bytes)
            {
                case IInvocationOperation { Arguments.Length: 1 } invocation
                    when (invocation.TargetMethod.Name == "GetBytes" && _types.IsOrInherits(invocation.TargetMethod.ContainingType, KnownType.System_Text_Encoding))
                        || (invocation.TargetMethod.Name == "FromBase64String" && _types.IsType(invocation.TargetMethod.ContainingType, KnownType.System_Convert)):
                    return invocation.Arguments[0].Parameter?.Type.SpecialType == SpecialType.System_String ? HardcodedString(invocation.Arguments[0].Value, depth) : null;

                case IArrayCreationOperation { Initializer: { } initializer } array
                    when initializer.ElementValues.Length > 0 && initializer.ElementValues.All(e => e.ConstantValue.HasValue):
                    return (array.Syntax, CredentialSite.ByteArray, null);

                case ILocalReferenceOperation local when depth < 2 && ConstantInitializer(local) is { } initializerValue:
                    return HardcodedBytes(initializerValue, depth + 1);

                default:
                    // Roslyn 4.8 gives a collection expression (`[0x1F, 0x2A]`) no operation of its own: read it from the syntax.
                    if (bytes.Syntax is CollectionExpressionSyntax collection && collection.Elements.Count > 0 && bytes.SemanticModel is { } model
                        && collection.Elements.All(e => e is ExpressionElementSyntax element && model.GetConstantValue(element.Expression).HasValue))
                    {
                        return (collection, CredentialSite.ByteArray, null);
                    }

                    return null;
            }
        }

        /// <summary>A string that is a literal or constant (not empty), a local set once from one, or the literal fallback of a configuration read.</summary>
        private (SyntaxNode Reported, CredentialSite Site, string? ExistingKey)? HardcodedString(IOperation value, int depth)
        {
            value = Credentials.Unwrap(value);
            if (value.ConstantValue is { HasValue: true, Value: string text })
            {
                return text.Trim().Length == 0 ? null : (value.Syntax, CredentialSite.Value, null);
            }

            switch (value)
            {
                case ICoalesceOperation coalesce when Credentials.Unwrap(coalesce.WhenNull) is { ConstantValue: { HasValue: true, Value: string fallback } } literal
                    && fallback.Trim().Length > 0:
                    var read = Credentials.Unwrap(coalesce.Value);
                    var key = read is IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer
                        && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string configured } ? configured : null;
                    return (literal.Syntax, CredentialSite.Fallback, key);

                case ILocalReferenceOperation local when depth < 2 && ConstantInitializer(local) is { } initializer:
                    return HardcodedString(initializer, depth + 1);

                default:
                    return null;
            }
        }

        /// <summary>The initializer of a local that is never assigned again in its body.</summary>
        private static IOperation? ConstantInitializer(ILocalReferenceOperation reference)
            => LocalValues.IsReassigned(reference) ? null : LocalValues.DeclaredValue(reference);
    }
}
