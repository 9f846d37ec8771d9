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
/// AG0304: antiforgery validation is turned off where a browser's cookie would authenticate a forged request: an
/// <c>[IgnoreAntiforgeryToken]</c> attribute on a controller, action or Razor page, or <c>DisableAntiforgery()</c> on a minimal-API
/// endpoint that binds a form (<c>[FromForm]</c>, <c>IFormFile</c>, <c>IFormFileCollection</c>, <c>IFormCollection</c>). Only in a
/// compilation whose app authenticates with cookies (<see cref="WebAppModel.AuthenticatesWithCookies"/>): an API that accepts bearer
/// tokens only is not exposed to cross-site request forgery, and is never reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AntiforgeryDisabledAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.AntiforgeryDisabled,
        title: "Do not turn off antiforgery validation in cookie-authenticated apps",
        messageFormat: "{0} turns off antiforgery validation, and this app authenticates with cookies: other sites can submit forms as the signed-in user",
        description: "Browsers send the authentication cookie with requests that other websites trigger. Antiforgery tokens are what tells a "
            + "form post of your own pages from a forged one. Keep antiforgery validation on for endpoints that accept forms in an app that "
            + "signs users in with cookies.",
        RuleArea.Auth,
        DiagnosticSeverity.Warning,
        cwe: 352,
        owasp: "API8",
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

            var analysis = new CompilationAnalysis(types, AppModelProvider.GetOrCreate(start.Compilation));
            if (types.Get(KnownType.Microsoft_AspNetCore_Mvc_IgnoreAntiforgeryTokenAttribute) is not null)
            {
                start.RegisterSymbolAction(analysis.AnalyzeSymbol, SymbolKind.NamedType, SymbolKind.Method);
            }

            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly KnownTypes _types;
        private readonly AppModelProvider _provider;

        public CompilationAnalysis(KnownTypes types, AppModelProvider provider)
        {
            _types = types;
            _provider = provider;
        }

        /// <summary><c>[IgnoreAntiforgeryToken]</c> on a class or method: reported on the attribute.</summary>
        public void AnalyzeSymbol(SymbolAnalysisContext context)
        {
            foreach (var attribute in context.Symbol.GetAttributes())
            {
                if (_types.IsType(attribute.AttributeClass, KnownType.Microsoft_AspNetCore_Mvc_IgnoreAntiforgeryTokenAttribute)
                    && attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is AttributeSyntax syntax
                    && AuthenticatesWithCookies(context.CancellationToken))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, syntax.GetLocation(), "[IgnoreAntiforgeryToken]"));
                }
            }
        }

        /// <summary><c>DisableAntiforgery()</c> chained on a <c>Map*</c> call whose handler binds a form: reported on the name.</summary>
        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!_types.IsMethod(invocation.TargetMethod, KnownType.Microsoft_AspNetCore_Builder_RoutingEndpointConventionBuilderExtensions, "DisableAntiforgery")
                || EnvironmentGuard.Classify(invocation, _types) is not (GuardKind.Always or GuardKind.NonDevelopmentOnly)
                || MappedHandler(invocation) is not { } handler
                || !handler.Parameters.Any(BindsForm)
                || !AuthenticatesWithCookies(context.CancellationToken))
            {
                return;
            }

            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } ? member.Name.GetLocation() : invocation.Syntax.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, "DisableAntiforgery()"));
        }

        private bool AuthenticatesWithCookies(System.Threading.CancellationToken cancellationToken)
            => _provider.GetApps(cancellationToken).Any(app => app.AuthenticatesWithCookies);

        /// <summary>The handler of the <c>Map*</c> call the convention is chained on (through other conventions), if it is a lambda or method.</summary>
        private IMethodSymbol? MappedHandler(IInvocationOperation convention)
        {
            var receiver = convention.Instance ?? convention.Arguments.FirstOrDefault()?.Value;
            for (var depth = 0; depth < 16 && receiver is not null; depth++)
            {
                while (receiver is IConversionOperation conversion)
                {
                    receiver = conversion.Operand;
                }

                if (receiver is not IInvocationOperation call)
                {
                    return null;
                }

                var method = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
                if (_types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_Builder_EndpointRouteBuilderExtensions) && method.Name.StartsWith("Map", StringComparison.Ordinal))
                {
                    var handler = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "handler")?.Value;
                    while (handler is IConversionOperation handlerConversion)
                    {
                        handler = handlerConversion.Operand;
                    }

                    return handler switch
                    {
                        IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda.Symbol,
                        IDelegateCreationOperation { Target: IMethodReferenceOperation reference } => reference.Method,
                        _ => null,
                    };
                }

                receiver = call.Instance ?? call.Arguments.FirstOrDefault()?.Value;
            }

            return null;
        }

        private bool BindsForm(IParameterSymbol parameter)
            => parameter.GetAttributes().Any(a => _types.IsOrInherits(a.AttributeClass, KnownType.Microsoft_AspNetCore_Mvc_FromFormAttribute))
                || _types.IsOrInherits(parameter.Type, KnownType.Microsoft_AspNetCore_Http_IFormFile)
                || _types.IsOrInherits(parameter.Type, KnownType.Microsoft_AspNetCore_Http_IFormFileCollection)
                || _types.IsOrInherits(parameter.Type, KnownType.Microsoft_AspNetCore_Http_IFormCollection);
    }
}
