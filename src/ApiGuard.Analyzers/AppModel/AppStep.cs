using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.AppModel;

/// <summary>Where a step runs relative to the main pipeline.</summary>
internal enum BranchKind
{
    /// <summary>The main pipeline (or a service registration, which has no branch).</summary>
    None,

    /// <summary>Inside <c>app.UseWhen(predicate, branch =&gt; …)</c>: runs for some requests, then rejoins.</summary>
    UseWhen,

    /// <summary>Inside <c>app.MapWhen(predicate, branch =&gt; …)</c>: a separate pipeline for some requests.</summary>
    MapWhen,

    /// <summary>Inside <c>app.Map("/path", branch =&gt; …)</c>: a separate pipeline for a path.</summary>
    Map,
}

/// <summary>
/// One call (or property assignment) in an app's configuration: a middleware, a service registration, an endpoint mapping,
/// or a call inside their options lambdas. Steps are in execution order, with calls made inside user helpers inlined at the
/// helper's call site.
/// </summary>
internal sealed class AppStep
{
    public AppStep(IOperation operation, ISymbol member, GuardKind guard, BranchKind branch, ImmutableArray<IMethodSymbol> helpers, ImmutableArray<SyntaxNode> helperCallSites)
    {
        Operation = operation;
        Member = member;
        Guard = guard;
        Branch = branch;
        Helpers = helpers;
        HelperCallSites = helperCallSites;
    }

    /// <summary>The invocation, or the simple assignment whose target is a property.</summary>
    public IOperation Operation { get; }

    /// <summary>The method called (the reduced-from definition for extension methods) or the property assigned.</summary>
    public ISymbol Member { get; }

    /// <summary>The environments the step runs in, combining the guards inside every helper on the way.</summary>
    public GuardKind Guard { get; }

    public BranchKind Branch { get; }

    /// <summary>The user helper methods the step was reached through, outermost first (empty when it is in the entry body).</summary>
    public ImmutableArray<IMethodSymbol> Helpers { get; }

    /// <summary>The calls to <see cref="Helpers"/>, outermost first: the first one is in the app's entry body.</summary>
    public ImmutableArray<SyntaxNode> HelperCallSites { get; }

    public IInvocationOperation? Invocation => Operation as IInvocationOperation;

    public IMethodSymbol? Method => Member as IMethodSymbol;

    public SyntaxNode Syntax => Operation.Syntax;

    /// <summary>Whether the step may run outside Development (the guard is <see cref="GuardKind.Always"/> or <see cref="GuardKind.NonDevelopmentOnly"/>).</summary>
    public bool RunsOutsideDevelopment => Guard is GuardKind.Always or GuardKind.NonDevelopmentOnly;

    public override string ToString() => $"{Member.ContainingType?.Name}.{Member.Name} [{Guard}{(Branch == BranchKind.None ? string.Empty : ", " + Branch)}]";
}
