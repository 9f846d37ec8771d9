using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.AppModel;

/// <summary>In which hosting environments a piece of code runs.</summary>
internal enum GuardKind
{
    /// <summary>No environment check guards the code: it runs everywhere.</summary>
    Always,

    /// <summary>The code runs only in Development. No rule reports on it (DECISIONS.md).</summary>
    DevelopmentOnly,

    /// <summary>The code runs only outside Development (production, staging, …).</summary>
    NonDevelopmentOnly,

    /// <summary>An environment check guards the code, but it cannot be classified. Rules stay silent.</summary>
    Unknown,
}

/// <summary>
/// Classifies the environment guard of an operation, from the enclosing conditions inside its method or lambda bodies.
/// Understands <c>IsDevelopment()</c>, <c>IsProduction()</c>, <c>IsStaging()</c> and <c>IsEnvironment("…")</c> on
/// <c>IHostEnvironment</c>/<c>IWebHostEnvironment</c> and the legacy <c>IHostingEnvironment</c>, <c>EnvironmentName == "…"</c>,
/// <c>!</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>== true/false</c>, <c>else</c> branches, ternaries, early returns
/// (<c>if (env.IsDevelopment()) return;</c>), <c>bool</c> locals set once from a check, and the <c>Configure{Environment}</c> /
/// <c>Startup{Environment}</c> conventions. A condition that mentions the environment in any other way is <see cref="GuardKind.Unknown"/>.
/// </summary>
internal static class EnvironmentGuard
{
    private const string Development = "Development";

    /// <summary>What being in a branch implies about the environment.</summary>
    private enum Implication
    {
        None,
        Development,
        NonDevelopment,
        Unknown,
    }

    public static GuardKind Classify(IOperation operation, KnownTypes types)
    {
        var development = false;
        var nonDevelopment = false;
        var unknown = false;

        void Add(Implication implication)
        {
            switch (implication)
            {
                case Implication.Development: development = true; break;
                case Implication.NonDevelopment: nonDevelopment = true; break;
                case Implication.Unknown: unknown = true; break;
            }
        }

        for (IOperation current = operation, parent = operation.Parent!; parent is not null; current = parent, parent = parent.Parent!)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when !ReferenceEquals(current, conditional.Condition):
                    var (whenTrue, whenFalse) = Evaluate(conditional.Condition, types, 0);
                    Add(ReferenceEquals(current, conditional.WhenTrue) ? whenTrue : whenFalse);
                    break;

                case IBlockOperation block:
                    // Early exits before the operation: `if (env.IsDevelopment()) return;` means what follows runs only when the check is false.
                    foreach (var statement in block.Operations)
                    {
                        if (ReferenceEquals(statement, current))
                        {
                            break;
                        }

                        if (statement is IConditionalOperation { WhenFalse: null } exit && AlwaysExits(exit.WhenTrue))
                        {
                            Add(Evaluate(exit.Condition, types, 0).WhenFalse);
                        }
                    }

                    break;
            }
        }

        if (MayFollowConventions(operation.Syntax))
        {
            Add(FromConventions(operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart), types));
        }

        if (development)
        {
            return GuardKind.DevelopmentOnly;
        }

        if (unknown)
        {
            return GuardKind.Unknown;
        }

        return nonDevelopment ? GuardKind.NonDevelopmentOnly : GuardKind.Always;
    }

    /// <summary>In which environments the true and the false branch of an <c>if</c> on <paramref name="condition"/> run.</summary>
    public static (GuardKind WhenTrue, GuardKind WhenFalse) ClassifyCondition(IOperation condition, KnownTypes types)
    {
        var (whenTrue, whenFalse) = Evaluate(condition, types, 0);
        return (ToGuard(whenTrue), ToGuard(whenFalse));
    }

    private static GuardKind ToGuard(Implication implication) => implication switch
    {
        Implication.Development => GuardKind.DevelopmentOnly,
        Implication.NonDevelopment => GuardKind.NonDevelopmentOnly,
        Implication.Unknown => GuardKind.Unknown,
        _ => GuardKind.Always,
    };

    /// <summary>What the true and false branches of <paramref name="condition"/> imply.</summary>
    private static (Implication WhenTrue, Implication WhenFalse) Evaluate(IOperation condition, KnownTypes types, int depth)
    {
        if (depth > 8)
        {
            return (Implication.Unknown, Implication.Unknown);
        }

        switch (condition)
        {
            case IParenthesizedOperation parenthesized:
                return Evaluate(parenthesized.Operand, types, depth + 1);

            case IConversionOperation conversion:
                return Evaluate(conversion.Operand, types, depth + 1);

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                var (t, f) = Evaluate(not.Operand, types, depth + 1);
                return (f, t);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                {
                    var left = Evaluate(and.LeftOperand, types, depth + 1);
                    var right = Evaluate(and.RightOperand, types, depth + 1);
                    return (Both(left.WhenTrue, right.WhenTrue), Either(left.WhenFalse, right.WhenFalse));
                }

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                {
                    var left = Evaluate(or.LeftOperand, types, depth + 1);
                    var right = Evaluate(or.RightOperand, types, depth + 1);
                    return (Either(left.WhenTrue, right.WhenTrue), Both(left.WhenFalse, right.WhenFalse));
                }

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                return EvaluateComparison(comparison, types, depth);

            case IInvocationOperation invocation:
                return EvaluateCheck(invocation, types);

            case ILocalReferenceOperation local when local.Local.Type?.SpecialType == SpecialType.System_Boolean:
                return EvaluateLocal(local, types, depth);

            default:
                return MentionsEnvironment(condition, types) ? (Implication.Unknown, Implication.Unknown) : (Implication.None, Implication.None);
        }
    }

    private static (Implication, Implication) EvaluateComparison(IBinaryOperation comparison, KnownTypes types, int depth)
    {
        var negate = comparison.OperatorKind == BinaryOperatorKind.NotEquals;

        // `check == true`, `check != false`, …
        if (comparison.RightOperand.ConstantValue is { HasValue: true, Value: bool rightValue })
        {
            var (t, f) = Evaluate(comparison.LeftOperand, types, depth + 1);
            return rightValue != negate ? (t, f) : (f, t);
        }

        if (comparison.LeftOperand.ConstantValue is { HasValue: true, Value: bool leftValue })
        {
            var (t, f) = Evaluate(comparison.RightOperand, types, depth + 1);
            return leftValue != negate ? (t, f) : (f, t);
        }

        // `env.EnvironmentName == "Development"` (or Environments.Development).
        var (name, other) = IsEnvironmentName(comparison.LeftOperand, types)
            ? (comparison.LeftOperand, comparison.RightOperand)
            : (comparison.RightOperand, comparison.LeftOperand);
        if (IsEnvironmentName(name, types) && EnvironmentNameValue(other, types) is { } environment)
        {
            // Ordinal comparison of a name is case-sensitive, but "development" is not a name anyone deploys as a non-development environment.
            var result = ForEnvironmentName(environment);
            return negate ? (result.WhenFalse, result.WhenTrue) : result;
        }

        return MentionsEnvironment(comparison, types) ? (Implication.Unknown, Implication.Unknown) : (Implication.None, Implication.None);
    }

    private static (Implication, Implication) EvaluateCheck(IInvocationOperation invocation, KnownTypes types)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        var container = method.ContainingType;
        var isEnvironmentExtension = types.IsType(container, KnownType.Microsoft_Extensions_Hosting_HostEnvironmentEnvExtensions)
            || types.IsType(container, KnownType.Microsoft_AspNetCore_Hosting_HostingEnvironmentExtensions)
            || types.IsType(container, KnownType.Microsoft_Extensions_Hosting_HostingEnvironmentExtensions);
        if (isEnvironmentExtension)
        {
            switch (method.Name)
            {
                case "IsDevelopment":
                    return (Implication.Development, Implication.NonDevelopment);
                case "IsProduction":
                case "IsStaging":
                    return (Implication.NonDevelopment, Implication.None);
                case "IsEnvironment" when invocation.Arguments.Length == 2
                    && EnvironmentNameValue(invocation.Arguments[1].Value, types) is { } environment:
                    return ForEnvironmentName(environment);
            }
        }

        return MentionsEnvironment(invocation, types) ? (Implication.Unknown, Implication.Unknown) : (Implication.None, Implication.None);
    }

    /// <summary>A <c>bool</c> local assigned once, at its declaration, from an environment check.</summary>
    private static (Implication, Implication) EvaluateLocal(ILocalReferenceOperation reference, KnownTypes types, int depth)
    {
        if (LocalValues.DeclaredValue(reference) is not { } value)
        {
            return (Implication.None, Implication.None);
        }

        var result = Evaluate(value, types, depth + 1);

        // A local that is assigned again cannot be trusted to still hold the check.
        return result != (Implication.None, Implication.None) && LocalValues.IsReassigned(reference)
            ? (Implication.Unknown, Implication.Unknown)
            : result;
    }

    private static (Implication WhenTrue, Implication WhenFalse) ForEnvironmentName(string environment)
        => string.Equals(environment, Development, StringComparison.OrdinalIgnoreCase)
            ? (Implication.Development, Implication.NonDevelopment)
            : (Implication.NonDevelopment, Implication.None);

    /// <summary>An environment name: a constant string, or one of the <c>Environments.Development/Staging/Production</c> fields.</summary>
    private static string? EnvironmentNameValue(IOperation operation, KnownTypes types)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            return constant;
        }

        return operation is IFieldReferenceOperation { Field.IsStatic: true } field
            && types.IsType(field.Field.ContainingType, KnownType.Microsoft_Extensions_Hosting_Environments)
            && field.Field.Name is "Development" or "Staging" or "Production"
            ? field.Field.Name
            : null;
    }

    private static bool IsEnvironmentName(IOperation operation, KnownTypes types)
        => operation is IPropertyReferenceOperation { Property.Name: "EnvironmentName" } property
            && IsEnvironmentType(property.Property.ContainingType, types);

    private static bool IsEnvironmentType(ITypeSymbol? type, KnownTypes types)
    {
        if (type is null)
        {
            return false;
        }

        if (types.IsOrInherits(type, KnownType.Microsoft_Extensions_Hosting_IHostEnvironment)
            || types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Hosting_IWebHostEnvironment))
        {
            return true;
        }

        // The legacy IHostingEnvironment interfaces (two namespaces) are not worth a KnownType each.
        return type.Name == "IHostingEnvironment" && type.ContainingNamespace?.ToDisplayString() is "Microsoft.AspNetCore.Hosting" or "Microsoft.Extensions.Hosting";
    }

    /// <summary>Whether a condition we could not classify still mentions the environment (so it is a guard of an unknown kind).</summary>
    private static bool MentionsEnvironment(IOperation condition, KnownTypes types)
    {
        foreach (var operation in condition.DescendantsAndSelf())
        {
            if (IsEnvironmentType(operation.Type, types))
            {
                return true;
            }

            if (operation is IFieldReferenceOperation field && types.IsType(field.Field.ContainingType, KnownType.Microsoft_Extensions_Hosting_Environments))
            {
                return true;
            }

            if (operation is IInvocationOperation invocation)
            {
                var name = invocation.TargetMethod.Name;
                if (name.IndexOf("Development", StringComparison.OrdinalIgnoreCase) >= 0
                    || name.IndexOf("Environment", StringComparison.OrdinalIgnoreCase) >= 0
                    || name.StartsWith("IsDev", StringComparison.Ordinal)
                    || name.StartsWith("IsProd", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            if (operation.ConstantValue is { HasValue: true, Value: string text }
                && (text.IndexOf("ASPNETCORE_ENVIRONMENT", StringComparison.OrdinalIgnoreCase) >= 0
                    || text.IndexOf("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase) >= 0
                    || string.Equals(text, Development, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AlwaysExits(IOperation branch)
    {
        var last = branch is IBlockOperation block ? block.Operations.LastOrDefault() : branch;
        return last is IReturnOperation { Kind: OperationKind.Return } or IThrowOperation
            || last is IExpressionStatementOperation { Operation: IThrowOperation };
    }

    /// <summary>Startup conventions: <c>ConfigureDevelopment</c>, <c>ConfigureDevelopmentServices</c>, <c>StartupDevelopment</c>, and their other-environment forms.</summary>
    private static Implication FromConventions(ISymbol? symbol, KnownTypes types)
    {
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && method.Name.StartsWith("Configure", StringComparison.Ordinal))
            {
                var environment = method.Name.Substring("Configure".Length);
                if (environment.EndsWith("Services", StringComparison.Ordinal))
                {
                    environment = environment.Substring(0, environment.Length - "Services".Length);
                }

                // Only the well-known names: a Startup method named ConfigureCors(IApplicationBuilder) is a helper, not a convention.
                if (environment is Development or "Staging" or "Production" && IsStartupLike(method.ContainingType)
                    && method.Parameters.Any(p => types.IsOrInherits(p.Type, KnownType.Microsoft_AspNetCore_Builder_IApplicationBuilder)
                        || types.IsOrInherits(p.Type, KnownType.Microsoft_Extensions_DependencyInjection_IServiceCollection)))
                {
                    return environment == Development ? Implication.Development : Implication.NonDevelopment;
                }
            }

            if (current is INamedTypeSymbol type && type.Name is "Startup" + Development or "StartupStaging" or "StartupProduction")
            {
                return type.Name == "Startup" + Development ? Implication.Development : Implication.NonDevelopment;
            }
        }

        return Implication.None;
    }

    /// <summary>
    /// Whether the syntax sits in a method or class whose name follows an environment convention: a cheap check before the
    /// enclosing symbol is looked up, which the app model would otherwise do for every step of a large <c>Program.cs</c>.
    /// </summary>
    private static bool MayFollowConventions(SyntaxNode syntax)
    {
        foreach (var ancestor in syntax.Ancestors())
        {
            switch (ancestor)
            {
                case MethodDeclarationSyntax method when method.Identifier.ValueText.StartsWith("Configure", StringComparison.Ordinal):
                case TypeDeclarationSyntax type when type.Identifier.ValueText.StartsWith("Startup", StringComparison.Ordinal):
                    return true;
            }
        }

        return false;
    }

    private static bool IsStartupLike(INamedTypeSymbol? type)
        => type is not null && type.Name.StartsWith("Startup", StringComparison.Ordinal);

    private static Implication Both(Implication a, Implication b)
    {
        // Both hold: the stronger fact wins.
        if (a == Implication.Development || b == Implication.Development)
        {
            return Implication.Development;
        }

        if (a == Implication.NonDevelopment || b == Implication.NonDevelopment)
        {
            return Implication.NonDevelopment;
        }

        return a == Implication.Unknown || b == Implication.Unknown ? Implication.Unknown : Implication.None;
    }

    private static Implication Either(Implication a, Implication b)
    {
        // One of them holds: only a fact both imply survives.
        if (a == b)
        {
            return a;
        }

        return a == Implication.Unknown || b == Implication.Unknown ? Implication.Unknown : Implication.None;
    }
}
