using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Benchmarks.Infrastructure;

/// <summary>
/// Binds every body of the compilation at compilation start, through the driver's shared semantic models, before any other
/// analyzer's callbacks run. Telemetry charges binding to whichever analyzer first asks for a body's operations: in a real build
/// the SDK's own analyzers bind every body anyway, and ApiGuard's app model reads <c>Program.cs</c> and its helpers through the
/// same shared semantic models. With this analyzer in the run, ApiGuard's telemetry shows its own work; without it, ApiGuard is
/// also charged for binding <c>Program.cs</c> and its helpers first. The report shows both.
/// </summary>
/// <remarks>Only hosted in this process (see <see cref="NoOpAnalyzer"/> for the suppressed shipping rules).</remarks>
#pragma warning disable RS1036, RS1041, RS2008, RS1030
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PreBindAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        "BENCH0002",
        "Never reported",
        "Never reported",
        "Benchmark",
        DiagnosticSeverity.Hidden,
        isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            foreach (var tree in start.Compilation.SyntaxTrees)
            {
                var model = start.Compilation.GetSemanticModel(tree);
                var root = (CompilationUnitSyntax)tree.GetRoot(start.CancellationToken);
                if (root.Members.Any(m => m is GlobalStatementSyntax))
                {
                    model.GetOperation(root, start.CancellationToken);
                }

                foreach (var node in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax
                    or PropertyDeclarationSyntax or AccessorListSyntax))
                {
                    if (node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax })
                    {
                        model.GetOperation(node, start.CancellationToken);
                    }
                }
            }

            // Like the no-op baseline, it also asks for operation callbacks, so that the driver works as in a real build.
            start.RegisterOperationAction(static _ => { }, OperationKind.Invocation, OperationKind.ObjectCreation);
        });
    }
}
#pragma warning restore RS1036, RS1041, RS2008, RS1030
