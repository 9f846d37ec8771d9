using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.Auth;

/// <summary>
/// AG0302: <c>TokenValidationParameters</c> turns off token signature validation (<c>RequireSignedTokens = false</c>, or a
/// <c>SignatureValidator</c> that returns the token without checking it), so anyone can forge a token the API accepts.
/// AG0307: it turns off another validation check (<c>ValidateIssuer</c>, <c>ValidateAudience</c>, <c>ValidateLifetime</c>,
/// <c>ValidateIssuerSigningKey</c>, <c>RequireExpirationTime</c> set to false, or an issuer, audience or lifetime validator that
/// accepts everything), so tokens meant for other apps, from other issuers or long expired are accepted.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class TokenValidationDisabledAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property naming what the fix does: <see cref="SetTrue"/> or <see cref="RemoveDelegate"/>.</summary>
    public const string FixProperty = "Fix";

    /// <summary>The fix sets the flag to <c>true</c>.</summary>
    public const string SetTrue = "SetTrue";

    /// <summary>The fix removes the validator assignment, so the library's own validation runs.</summary>
    public const string RemoveDelegate = "RemoveDelegate";

    internal static readonly DiagnosticDescriptor SignatureRule = Descriptors.Descriptors.Create(
        RuleIds.TokenValidationDisabled,
        title: "Do not disable token signature validation",
        messageFormat: "'{0}' turns off token signature validation, so anyone can forge a token this app accepts",
        description: "A token whose signature is not checked proves nothing: anyone can write one with any user, role or claim. "
            + "Leave RequireSignedTokens at true and let the token handler validate signatures.",
        RuleArea.Auth,
        DiagnosticSeverity.Error,
        cwe: 347,
        owasp: "API2",
        hasCodeFix: true);

    internal static readonly DiagnosticDescriptor ClaimRule = Descriptors.Descriptors.Create(
        RuleIds.TokenClaimValidationDisabled,
        title: "Do not disable token validation checks",
        messageFormat: "'{0}' turns off a token validation check, so tokens from other issuers, for other audiences or long expired are accepted",
        description: "The issuer, audience, lifetime and signing key checks make sure a validly signed token was issued by the expected "
            + "authority, for this API, and is still current. Turning one off lets stolen, expired or foreign tokens in.",
        RuleArea.Auth,
        DiagnosticSeverity.Warning,
        cwe: 287,
        owasp: "API2",
        hasCodeFix: true);

    /// <summary>The flags whose <c>false</c> value is reported, and by which rule (true: AG0302).</summary>
    private static readonly ImmutableDictionary<string, bool> Flags = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["RequireSignedTokens"] = true,
        ["ValidateIssuer"] = false,
        ["ValidateAudience"] = false,
        ["ValidateLifetime"] = false,
        ["ValidateIssuerSigningKey"] = false,
        ["RequireExpirationTime"] = false,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SignatureRule, ClaimRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.GetOrCreate(start.Compilation);
            if (!types.IsAspNetCoreApp
                || types.Get(KnownType.Microsoft_IdentityModel_Tokens_TokenValidationParameters) is null
                || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            var analysis = new CompilationAnalysis(types);
            start.RegisterOperationAction(analysis.Analyze, OperationKind.SimpleAssignment);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly KnownTypes _types;

        public CompilationAnalysis(KnownTypes types) => _types = types;

        public void Analyze(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property }
                || !_types.IsType(property.ContainingType, KnownType.Microsoft_IdentityModel_Tokens_TokenValidationParameters))
            {
                return;
            }

            DiagnosticDescriptor rule;
            string fix;
            if (Flags.TryGetValue(property.Name, out var signature))
            {
                if (!EnvironmentValue.IsOutsideDevelopment(assignment.Value, _types, false))
                {
                    return;
                }

                rule = signature ? SignatureRule : ClaimRule;
                fix = SetTrue;
            }
            else if (property.Name is "SignatureValidator" or "IssuerValidator" or "AudienceValidator" or "LifetimeValidator")
            {
                if (!AcceptsEverything(property.Name, assignment.Value))
                {
                    return;
                }

                rule = property.Name == "SignatureValidator" ? SignatureRule : ClaimRule;
                fix = RemoveDelegate;
            }
            else
            {
                return;
            }

            if (EnvironmentGuard.Classify(assignment, _types) is GuardKind.DevelopmentOnly or GuardKind.Unknown)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix);
            var text = assignment.Syntax.ToString();
            var name = text.IndexOf('\n') < 0 && text.Length <= 80 ? text : property.Name + " = ...";
            context.ReportDiagnostic(Diagnostic.Create(rule, assignment.Syntax.GetLocation(), properties, name));
        }

        /// <summary>
        /// Whether the validator is a lambda, anonymous method or method of the same file whose body only returns: the token built
        /// from its own text (<c>new JwtSecurityToken(token)</c>) for a signature validator, its issuer argument or a constant for an
        /// issuer validator, <c>true</c> for an audience or lifetime validator.
        /// </summary>
        private bool AcceptsEverything(string validator, IOperation value)
        {
            var (body, parameters) = Body(value);
            if (body is null || parameters.IsDefaultOrEmpty || ReturnedValue(body) is not { } returned)
            {
                return false;
            }

            returned = Unwrap(returned);
            return validator switch
            {
                "SignatureValidator" => returned is IObjectCreationOperation { Arguments.Length: 1 } creation
                    && _types.IsOrInherits(creation.Type, KnownType.Microsoft_IdentityModel_Tokens_SecurityToken)
                    && Unwrap(creation.Arguments[0].Value) is IParameterReferenceOperation { Parameter: { } tokenParameter }
                    && SymbolEqualityComparer.Default.Equals(tokenParameter, parameters[0]),
                "IssuerValidator" => returned.ConstantValue is { HasValue: true, Value: string }
                    || (returned is IParameterReferenceOperation { Parameter: { } issuerParameter } && SymbolEqualityComparer.Default.Equals(issuerParameter, parameters[0])),
                _ => returned.ConstantValue is { HasValue: true, Value: true },
            };
        }

        /// <summary>The body and parameters of the delegate's target: a lambda, an anonymous method, or a method or local function declared in the same file.</summary>
        private static (IOperation? Body, ImmutableArray<IParameterSymbol> Parameters) Body(IOperation value)
        {
            value = Unwrap(value);
            if (value is IDelegateCreationOperation creation)
            {
                value = Unwrap(creation.Target);
            }

            switch (value)
            {
                case IAnonymousFunctionOperation lambda:
                    return (lambda.Body, lambda.Symbol.Parameters);

                case IMethodReferenceOperation { Method: { } method } reference when reference.SemanticModel is { } model:
                    foreach (var declaration in method.DeclaringSyntaxReferences)
                    {
                        if (declaration.SyntaxTree != model.SyntaxTree)
                        {
                            continue;
                        }

                        SyntaxNode? body = declaration.GetSyntax() switch
                        {
                            MethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
                            LocalFunctionStatementSyntax l => (SyntaxNode?)l.Body ?? l.ExpressionBody,
                            _ => null,
                        };

                        if (body is not null && model.GetOperation(body) is { } operation)
                        {
                            return (operation, method.Parameters);
                        }
                    }

                    break;
            }

            return (null, default);
        }

        /// <summary>The value of the body's only statement when that statement is a return; null for anything with more logic.</summary>
        private static IOperation? ReturnedValue(IOperation body)
        {
            while (body is IBlockOperation { Operations.Length: 1 } block)
            {
                body = block.Operations[0];
            }

            return body is IReturnOperation { ReturnedValue: { } returned } ? returned : null;
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            }

            return operation;
        }
    }
}
