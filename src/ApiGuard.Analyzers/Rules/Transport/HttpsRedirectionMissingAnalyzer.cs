using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.Transport;

/// <summary>
/// AG0102: the app's pipeline never calls <c>UseHttpsRedirection()</c> outside Development (and no global <c>RequireHttpsAttribute</c>
/// filter or <c>[RequireHttps]</c> controller takes its place), so a client that starts on plain HTTP stays there, with its
/// credentials and tokens in clear text. Silent when <c>apiguard.transport.tls_terminated_by_proxy</c> says a proxy handles it.
/// Reported once per app, on <c>builder.Build()</c> (or <c>WebApplication.Create()</c>, or <c>Startup.Configure</c>'s name), like AG0101.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HttpsRedirectionMissingAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: index in <c>AdditionalLocations</c> of the development-only <c>UseHttpsRedirection()</c> statement the fix replaces.</summary>
    public const string RemoveLocationProperty = "Remove.Location";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.HttpsRedirectionMissing,
        title: "Redirect HTTP requests to HTTPS",
        messageFormat: "HTTP requests are not redirected to HTTPS: {0}",
        description: "A client that connects over plain HTTP keeps sending its cookies, tokens and data in clear text. Call "
            + "app.UseHttpsRedirection() early in the pipeline, or declare that a proxy in front of the app ends TLS and redirects.",
        RuleArea.Transport,
        DiagnosticSeverity.Info,
        cwe: 319,
        owasp: "API8",
        hasCodeFix: true);

    internal const string MissingMessage = "the app never calls UseHttpsRedirection()";

    internal const string DevelopmentOnlyMessage = "UseHttpsRedirection() runs only in Development";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.GetOrCreate(start.Compilation);
            var options = start.Options.AnalyzerConfigOptionsProvider;
            if (!types.IsAspNetCoreApp
                || types.Get(KnownType.Microsoft_AspNetCore_Builder_HttpsPolicyBuilderExtensions) is null
                || ApiGuardOptions.SkipCompilation(options)
                || ApiGuardOptions.TlsTerminatedByProxy.Read(options.GlobalOptions))
            {
                return;
            }

            var analysis = new CompilationAnalysis(start.Compilation, types, AppModelProvider.GetOrCreate(start.Compilation), options);
            start.RegisterOperationBlockAction(analysis.Analyze);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly Compilation _compilation;
        private readonly KnownTypes _types;
        private readonly AppModelProvider _provider;
        private readonly AnalyzerConfigOptionsProvider _options;
        private readonly Lazy<bool> _hasRequireHttpsController;

        public CompilationAnalysis(Compilation compilation, KnownTypes types, AppModelProvider provider, AnalyzerConfigOptionsProvider options)
        {
            _compilation = compilation;
            _types = types;
            _provider = provider;
            _options = options;
            _hasRequireHttpsController = new Lazy<bool>(HasRequireHttpsController, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public void Analyze(OperationBlockAnalysisContext context)
        {
            if (!AppEntry.CanBeEntry(context.OwningSymbol)
                || _provider.AppWithEntry(context.OwningSymbol, context.CancellationToken) is not { IsIncomplete: false, IsDevelopmentOnly: false } app
                || app.AnchorSyntax.SyntaxTree != context.OperationBlocks[0].Syntax.SyntaxTree
                || ApiGuardOptions.TlsTerminatedByProxy.Read(_options.GetOptions(app.AnchorSyntax.SyntaxTree)))
            {
                return;
            }

            var redirections = app.Calls(KnownType.Microsoft_AspNetCore_Builder_HttpsPolicyBuilderExtensions, "UseHttpsRedirection").ToList();
            if (redirections.Any(s => s.Guard is GuardKind.Always or GuardKind.NonDevelopmentOnly or GuardKind.Unknown)
                || app.Steps.Any(s => s.Guard != GuardKind.DevelopmentOnly && AddsRequireHttpsFilter(s))
                || _hasRequireHttpsController.Value)
            {
                return;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            var locations = new List<Location>();
            var location = app.Anchor;
            var message = MissingMessage;
            var canFix = true;
            if (redirections.Count > 0)
            {
                // UseHttpsRedirection() exists but only inside IsDevelopment(): point at it, and let the fix replace it with an unguarded call.
                message = DevelopmentOnlyMessage;
                var devOnly = redirections[0];
                if (devOnly.Helpers.IsEmpty && devOnly.Syntax.SyntaxTree == app.AnchorSyntax.SyntaxTree)
                {
                    location = devOnly.Syntax.GetLocation();
                }

                canFix = redirections.Count == 1 && devOnly.Helpers.IsEmpty && PipelineInsertion.SingleCallStatement(devOnly.Syntax) is { } statement && app.IsInEntryBody(statement);
                if (canFix)
                {
                    properties[RemoveLocationProperty] = locations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    locations.Add(PipelineInsertion.SingleCallStatement(devOnly.Syntax)!.GetLocation());
                }
            }

            if (!canFix || !PipelineInsertion.TryPlan(app, GuardKind.Always, step => InsertRedirectionBefore(app, step), properties, locations))
            {
                // No safe rewrite: report without fix data.
                properties.Clear();
                locations.Clear();
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, location, locations, properties.ToImmutable(), message));
        }

        /// <summary><c>options.Filters.Add(new RequireHttpsAttribute())</c>, <c>Filters.Add&lt;RequireHttpsAttribute&gt;()</c> or <c>Filters.Add(typeof(RequireHttpsAttribute))</c>.</summary>
        private bool AddsRequireHttpsFilter(AppStep step)
        {
            // Add(IFilterMetadata) is declared on Collection<T>: match the receiver, and read type arguments from the constructed method.
            if (step.Invocation is not { TargetMethod.Name: "Add" } invocation
                || !_types.IsOrInherits(invocation.Instance?.Type, KnownType.Microsoft_AspNetCore_Mvc_Filters_FilterCollection))
            {
                return false;
            }

            return invocation.TargetMethod.TypeArguments.Any(t => _types.IsOrInherits(t, KnownType.Microsoft_AspNetCore_Mvc_RequireHttpsAttribute))
                || invocation.Arguments.Any(a => Unwrap(a.Value) switch
                {
                    ITypeOfOperation typeOf => _types.IsOrInherits(typeOf.TypeOperand, KnownType.Microsoft_AspNetCore_Mvc_RequireHttpsAttribute),
                    var value => _types.IsOrInherits(value.Type, KnownType.Microsoft_AspNetCore_Mvc_RequireHttpsAttribute),
                });
        }

        /// <summary>Whether a class in source (a controller, or a base class of controllers) carries <c>[RequireHttps]</c>.</summary>
        private bool HasRequireHttpsController()
        {
            if (_types.Get(KnownType.Microsoft_AspNetCore_Mvc_RequireHttpsAttribute) is null)
            {
                return false;
            }

            return _compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type)
                .OfType<INamedTypeSymbol>()
                .Any(type => type.GetAttributes().Any(a => _types.IsOrInherits(a.AttributeClass, KnownType.Microsoft_AspNetCore_Mvc_RequireHttpsAttribute)));
        }

        private static IOperation Unwrap(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value;
        }
    }

    /// <summary>HTTPS redirection goes after the exception handler and HSTS, and before static files, routing, CORS, authentication and the endpoints.</summary>
    private static bool InsertRedirectionBefore(WebAppModel app, AppStep step)
        => step.Method is { } method
            && method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true
            && (method.Name is "UseStaticFiles" or "MapStaticAssets" or "UseDefaultFiles" or "UseRouting" or "UseCors" or "UseAuthentication"
                    or "UseAuthorization" or "UseEndpoints" or "UseRateLimiter" or "UseResponseCaching" or "UseOutputCache" or "UseSession"
                    or "UseAntiforgery"
                || app.EndpointMappings.Contains(step));
}
