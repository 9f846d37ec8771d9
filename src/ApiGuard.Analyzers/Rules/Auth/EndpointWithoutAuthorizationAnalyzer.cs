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
/// AG0301: an endpoint that anyone can call, signed in or not: a minimal-API <c>Map*</c> endpoint, a controller action, a page,
/// a SignalR hub or a gRPC service with no <c>[Authorize]</c>, <c>RequireAuthorization()</c>, global <c>AuthorizeFilter</c> or
/// fallback policy, and not marked public with <c>[AllowAnonymous]</c>/<c>AllowAnonymous()</c>. The facts come from the shared
/// <see cref="AuthorizationModel"/>; minimal APIs are reported on the <c>Map*</c> call, classes on the action, handler or class name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EndpointWithoutAuthorizationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: the <see cref="EndpointKind"/> reported.</summary>
    public const string KindProperty = "Kind";

    /// <summary>Property: index in <c>AdditionalLocations</c> of the class or method declaration that gets <c>[Authorize]</c>.</summary>
    public const string AuthorizeLocationProperty = "Authorize.Location";

    /// <summary>Property: index in <c>AdditionalLocations</c> of the <c>Map*</c>/<c>MapGroup</c> call that gets <c>.RequireAuthorization()</c>.</summary>
    public const string RequireLocationProperty = "Require.Location";

    /// <summary>Property: "Group" when <see cref="RequireLocationProperty"/> is the endpoint's route group.</summary>
    public const string RequireScopeProperty = "Require.Scope";

    /// <summary>Property: index in <c>AdditionalLocations</c> of the declaration (gets <c>[AllowAnonymous]</c>) or call (gets <c>.AllowAnonymous()</c>).</summary>
    public const string AnonymousLocationProperty = "Anonymous.Location";

    /// <summary>Property: the <see cref="FallbackFixMode"/> of the fix that requires authorization by default.</summary>
    public const string FallbackModeProperty = "Fallback.Mode";

    /// <summary>Property: index in <c>AdditionalLocations</c> of the registration call or statement the fallback fix edits.</summary>
    public const string FallbackLocationProperty = "Fallback.Location";

    /// <summary>Property: the <c>IServiceCollection</c> expression for a new <c>AddAuthorization</c> registration.</summary>
    public const string FallbackServicesProperty = "Fallback.Services";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.EndpointWithoutAuthorization,
        title: "Endpoint is reachable without authorization",
        messageFormat: "'{0}' is reachable without authorization",
        description: "Nothing requires the caller of this endpoint to be signed in: it has no [Authorize] or RequireAuthorization(), and the app "
            + "sets no fallback policy or global AuthorizeFilter that covers it. Require authorization, or mark the endpoint [AllowAnonymous] "
            + "if it is public on purpose.",
        RuleArea.Auth,
        DiagnosticSeverity.Warning,
        cwe: 862,
        owasp: "API5",
        hasCodeFix: true);

    /// <summary>The kinds of endpoint AG0301 reports.</summary>
    public enum EndpointKind
    {
        MinimalApi,
        Controller,
        Page,
        Hub,
        GrpcService,
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.GetOrCreate(start.Compilation);
            if (!types.IsAspNetCoreApp
                || types.Get(KnownType.Microsoft_AspNetCore_Authorization_IAuthorizeData) is null
                || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            var analysis = new CompilationAnalysis(AuthorizationModel.GetOrCreate(start.Compilation));
            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterSymbolAction(analysis.AnalyzeMethod, SymbolKind.Method);
            start.RegisterSymbolAction(analysis.AnalyzeType, SymbolKind.NamedType);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly AuthorizationModel _model;

        public CompilationAnalysis(AuthorizationModel model) => _model = model;

        private KnownTypes Types => _model.Types;

        /// <summary>A minimal-API endpoint: reported on the <c>Map*</c> name.</summary>
        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (EndpointFlow.KindOf(invocation.TargetMethod, Types) != MappingKind.MinimalApi
                || _model.ForMapping(invocation.Syntax, context.CancellationToken) is not { IsUnprotected: true, App: { } app, Mapping: { } mapping })
            {
                return;
            }

            var fix = new FixData();
            var require = app.RequireAuthorizationTarget(mapping);
            fix.Add(RequireLocationProperty, require.Syntax);
            if (!ReferenceEquals(require, mapping.Invocation))
            {
                fix.Properties[RequireScopeProperty] = "Group";
            }

            fix.Add(AnonymousLocationProperty, invocation.Syntax);
            var name = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } ? member.Name : null;
            Report(context.ReportDiagnostic, EndpointKind.MinimalApi, name?.GetLocation() ?? invocation.Syntax.GetLocation(), mapping.Route ?? invocation.TargetMethod.Name + "(...)", app, fix);
        }

        /// <summary>A controller action or a page handler: reported on the method name.</summary>
        public void AnalyzeMethod(SymbolAnalysisContext context)
        {
            var method = (IMethodSymbol)context.Symbol;
            if (method is not { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false, ContainingType.TypeKind: TypeKind.Class }
                || method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is not MethodDeclarationSyntax declaration
                || _model.ForMethod(method, context.CancellationToken) is not { IsUnprotected: true, App: { } app, Type: { } owner })
            {
                return;
            }

            var fix = new FixData();
            var containing = declaration.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (EndpointClasses.IsPageModel(owner, Types))
            {
                // ASP.NET Core applies authorization attributes of Razor Pages at class level only.
                if (containing is not null)
                {
                    fix.Add(AuthorizeLocationProperty, containing);
                    fix.Add(AnonymousLocationProperty, containing);
                }

                Report(context.ReportDiagnostic, EndpointKind.Page, declaration.Identifier.GetLocation(), owner.Name + "." + method.Name, app, fix);
                return;
            }

            // [Authorize] on the controller protects every action at once, unless the action is inherited from a base class (then it goes
            // on the action, where the diagnostic is) or another action has an [Authorize] of its own (a class-level one would add to it).
            var onClass = containing is not null
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, owner)
                && !owner.GetMembers().OfType<IMethodSymbol>().Any(m => EndpointClasses.IsAction(m, Types) && EndpointClasses.MethodState(m, Types) == AuthorizationState.Authorize);
            fix.Add(AuthorizeLocationProperty, onClass ? containing! : declaration);
            fix.Add(AnonymousLocationProperty, declaration);
            Report(context.ReportDiagnostic, EndpointKind.Controller, declaration.Identifier.GetLocation(), owner.Name + "." + method.Name, app, fix);
        }

        /// <summary>A hub, a gRPC service, or a page model without handlers: reported on the class name.</summary>
        public void AnalyzeType(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic
                || type.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is not TypeDeclarationSyntax declaration
                || _model.ForType(type, context.CancellationToken) is not { IsUnprotected: true, App: { } app } verdict)
            {
                return;
            }

            var kind = EndpointClasses.IsPageModel(type, Types) ? EndpointKind.Page
                : EndpointClasses.IsHub(type, Types) ? EndpointKind.Hub
                : EndpointKind.GrpcService;
            var fix = new FixData();
            fix.Add(AuthorizeLocationProperty, declaration);
            if (verdict.Mapping is { } mapping)
            {
                fix.Add(RequireLocationProperty, mapping.Invocation.Syntax);
            }

            fix.Add(AnonymousLocationProperty, declaration);
            Report(context.ReportDiagnostic, kind, declaration.Identifier.GetLocation(), type.Name, app, fix);
        }

        private static void Report(Action<Diagnostic> report, EndpointKind kind, Location location, string name, AppAuthorization app, FixData fix)
        {
            fix.Properties[KindProperty] = kind.ToString();
            if (app.FallbackPlan is { } plan)
            {
                fix.Properties[FallbackModeProperty] = plan.Mode.ToString();
                fix.Add(FallbackLocationProperty, plan.Target);
                if (plan.Services is not null)
                {
                    fix.Properties[FallbackServicesProperty] = plan.Services;
                }
            }

            report(Diagnostic.Create(Rule, location, fix.Locations, fix.Properties.ToImmutable(), name));
        }
    }

    /// <summary>What the fixer needs: properties, and the locations they point at by index.</summary>
    private sealed class FixData
    {
        public ImmutableDictionary<string, string?>.Builder Properties { get; } = ImmutableDictionary.CreateBuilder<string, string?>();

        public List<Location> Locations { get; } = new();

        public void Add(string property, SyntaxNode node)
        {
            Properties[property] = Locations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Locations.Add(node.GetLocation());
        }
    }
}
