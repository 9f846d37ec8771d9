using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.ErrorHandling;

/// <summary>
/// AG0405: directory browsing lists the files of a folder to any client (<c>UseDirectoryBrowser()</c>, <c>AddDirectoryBrowser()</c>,
/// <c>UseFileServer(enableDirectoryBrowsing: true)</c>, <c>FileServerOptions.EnableDirectoryBrowsing = true</c>), and
/// <c>StaticFileOptions.ServeUnknownFileTypes = true</c> serves every file, backups and configuration included, outside Development.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DirectoryBrowsingEnabledAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.DirectoryBrowsingEnabled,
        title: "Do not enable directory browsing",
        messageFormat: "'{0}' can run outside Development and lets any client list or download files the app did not mean to serve",
        description: "Directory browsing lists every file of a folder, and serving unknown file types hands out backups, logs and "
            + "configuration files that happen to sit there. Serve only the files the app means to, outside Development.",
        RuleArea.ErrorHandling,
        DiagnosticSeverity.Warning,
        cwe: 548,
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
            if (!types.IsAspNetCoreApp
                || types.Get(KnownType.Microsoft_AspNetCore_Builder_StaticFileOptions) is null
                || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            var analysis = new CompilationAnalysis(types, AppModelProvider.GetOrCreate(start.Compilation));
            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
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

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            string display;
            switch (method.Name)
            {
                case "UseDirectoryBrowser" when _types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_Builder_DirectoryBrowserExtensions):
                case "AddDirectoryBrowser" when _types.IsType(method.ContainingType, KnownType.Microsoft_Extensions_DependencyInjection_DirectoryBrowserServiceExtensions):
                    display = method.Name + "()";
                    break;
                case "UseFileServer" when _types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_Builder_FileServerExtensions)
                    && invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "enableDirectoryBrowsing") is { } argument
                    && EnvironmentValue.IsOutsideDevelopment(argument.Value, _types, true):
                    display = "UseFileServer(enableDirectoryBrowsing: true)";
                    break;
                default:
                    return;
            }

            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
                ? Location.Create(invocation.Syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, invocation.Syntax.Span.End))
                : invocation.Syntax.GetLocation();
            Report(context, invocation, location, display);
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: var property }
                || !((property.Name == "ServeUnknownFileTypes" && _types.IsOrInherits(property.ContainingType, KnownType.Microsoft_AspNetCore_Builder_StaticFileOptions))
                    || (property.Name == "EnableDirectoryBrowsing" && _types.IsOrInherits(property.ContainingType, KnownType.Microsoft_AspNetCore_Builder_FileServerOptions)))
                || !EnvironmentValue.IsOutsideDevelopment(assignment.Value, _types, true))
            {
                return;
            }

            Report(context, assignment, assignment.Syntax.GetLocation(), property.ContainingType.Name + "." + property.Name + " = true");
        }

        private void Report(OperationAnalysisContext context, IOperation operation, Location location, string display)
        {
            // The guard the code has in the apps that reach it; code no app reaches (a library helper) has only its local guard.
            var steps = _provider.StepsAt(operation.Syntax, context.CancellationToken);
            var reachable = steps.IsEmpty
                ? EnvironmentGuard.Classify(operation, _types) is GuardKind.Always or GuardKind.NonDevelopmentOnly
                : steps.Any(s => s.RunsOutsideDevelopment);
            if (reachable)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, display));
            }
        }
    }
}
