using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.AppModel;

/// <summary>How a CORS policy admits any origin.</summary>
internal enum PermissiveOriginForm
{
    None,

    /// <summary><c>CorsPolicyBuilder.AllowAnyOrigin()</c>.</summary>
    AllowAnyOrigin,

    /// <summary><c>WithOrigins("*")</c> or <c>new CorsPolicyBuilder("*")</c>, with <c>*</c> the only origin of the policy.</summary>
    WildcardOrigin,

    /// <summary><c>SetIsOriginAllowed(...)</c> with a predicate that always returns true.</summary>
    AcceptAllPredicate,

    /// <summary><c>corsPolicy.Origins.Add("*")</c> on a <c>CorsPolicy</c>, with <c>*</c> its only origin.</summary>
    PolicyOriginsWildcard,
}

/// <summary>What else one CORS policy does, beside the call that was found permissive.</summary>
internal sealed class CorsPolicyFacts
{
    public CorsPolicyFacts(IOperation? credentials, ImmutableArray<IInvocationOperation> anyMethod, ImmutableArray<IInvocationOperation> anyHeader)
    {
        Credentials = credentials;
        AnyMethod = anyMethod;
        AnyHeader = anyHeader;
    }

    /// <summary>The call that allows credentials (<c>AllowCredentials()</c>, <c>SupportsCredentials = true</c>), if the policy ends up allowing them.</summary>
    public IOperation? Credentials { get; }

    /// <summary>The policy's <c>AllowAnyMethod()</c> calls.</summary>
    public ImmutableArray<IInvocationOperation> AnyMethod { get; }

    /// <summary>The policy's <c>AllowAnyHeader()</c> calls.</summary>
    public ImmutableArray<IInvocationOperation> AnyHeader { get; }
}

/// <summary>
/// Facts about CORS policies: which calls admit any origin, and what else the same policy does. A policy is one fluent chain
/// on a <c>CorsPolicyBuilder</c> (<c>p =&gt; p.AllowAnyOrigin().AllowCredentials()</c>), plus the other calls on the same
/// builder parameter or local in the same body (<c>p.AllowAnyOrigin(); p.AllowCredentials();</c>), or the statements on one
/// <c>CorsPolicy</c> instance. A builder that escapes into a helper is not followed: what the helper adds stays unknown.
/// </summary>
internal static class CorsPolicyModel
{
    private const string Wildcard = "*";

    /// <summary>Whether the compilation can hold CORS policies at all.</summary>
    public static bool IsAvailable(KnownTypes types)
        => types.Get(KnownType.Microsoft_AspNetCore_Cors_Infrastructure_CorsPolicyBuilder) is not null
            || types.Get(KnownType.Microsoft_AspNetCore_Cors_Infrastructure_CorsPolicy) is not null;

    /// <summary>How <paramref name="operation"/> (an invocation or object creation) admits any origin, or <see cref="PermissiveOriginForm.None"/>.</summary>
    public static PermissiveOriginForm GetPermissiveForm(IOperation operation, KnownTypes types)
    {
        switch (operation)
        {
            case IInvocationOperation invocation when IsBuilderMethod(invocation.TargetMethod, types):
                switch (invocation.TargetMethod.Name)
                {
                    case "AllowAnyOrigin":
                        return PermissiveOriginForm.AllowAnyOrigin;
                    case "WithOrigins" when IsOnlyWildcard(invocation.Arguments, invocation, types):
                        return PermissiveOriginForm.WildcardOrigin;
                    case "SetIsOriginAllowed" when invocation.Arguments.Length == 1 && AlwaysReturnsTrue(invocation.Arguments[0].Value):
                        return PermissiveOriginForm.AcceptAllPredicate;
                }

                return PermissiveOriginForm.None;

            case IObjectCreationOperation creation
                when types.IsType(creation.Type, KnownType.Microsoft_AspNetCore_Cors_Infrastructure_CorsPolicyBuilder)
                    && creation.Constructor is { Parameters.Length: 1 } constructor
                    && constructor.Parameters[0].Type is IArrayTypeSymbol
                    && IsOnlyWildcard(creation.Arguments, creation, types):
                return PermissiveOriginForm.WildcardOrigin;

            case IInvocationOperation add when IsPolicyOriginsAdd(add, types, out var policy)
                && add.Arguments.Length == 1
                && add.Arguments[0].Value.ConstantValue is { HasValue: true, Value: Wildcard }
                && CountPolicyOriginAdds(policy!, types) == 1:
                return PermissiveOriginForm.PolicyOriginsWildcard;

            default:
                return PermissiveOriginForm.None;
        }
    }

    /// <summary>The facts of the policy that <paramref name="operation"/> belongs to.</summary>
    public static CorsPolicyFacts Describe(IOperation operation, KnownTypes types)
    {
        IOperation? credentials = null;
        var credentialsAt = -1;
        var anyMethod = ImmutableArray.CreateBuilder<IInvocationOperation>();
        var anyHeader = ImmutableArray.CreateBuilder<IInvocationOperation>();

        foreach (var member in PolicyMembers(operation, types))
        {
            var position = member.Syntax.SpanStart;
            switch (member)
            {
                case IInvocationOperation invocation when IsBuilderMethod(invocation.TargetMethod, types):
                    switch (invocation.TargetMethod.Name)
                    {
                        case "AllowCredentials" when position > credentialsAt:
                            credentials = invocation;
                            credentialsAt = position;
                            break;
                        case "DisallowCredentials" when position > credentialsAt:
                            credentials = null;
                            credentialsAt = position;
                            break;
                        case "AllowAnyMethod":
                            anyMethod.Add(invocation);
                            break;
                        case "AllowAnyHeader":
                            anyHeader.Add(invocation);
                            break;
                    }

                    break;

                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "SupportsCredentials" } target } assignment
                    when types.IsType(target.Property.ContainingType, KnownType.Microsoft_AspNetCore_Cors_Infrastructure_CorsPolicy)
                        && position > credentialsAt:
                    credentials = assignment.Value.ConstantValue is { HasValue: true, Value: true } ? assignment : null;
                    credentialsAt = position;
                    break;
            }
        }

        return new CorsPolicyFacts(credentials, anyMethod.ToImmutable(), anyHeader.ToImmutable());
    }

    /// <summary>
    /// Every builder call and <c>CorsPolicy</c> assignment of the policy <paramref name="operation"/> belongs to: its fluent chain,
    /// and, when the chain starts at a parameter or local, the other chains on that same symbol in the body that declares it.
    /// </summary>
    private static IEnumerable<IOperation> PolicyMembers(IOperation operation, KnownTypes types)
    {
        var root = ChainRoot(operation, types);
        var symbol = RootSymbol(root);
        if (symbol is null)
        {
            return ChainOf(operation, types);
        }

        var scope = DeclaringBody(operation, symbol);
        return scope.Descendants().Where(o => o is IInvocationOperation or ISimpleAssignmentOperation
            && SymbolEqualityComparer.Default.Equals(RootSymbol(ChainRoot(o, types)), symbol));
    }

    private static IEnumerable<IOperation> ChainOf(IOperation operation, KnownTypes types)
    {
        var first = operation;
        while (first is IInvocationOperation { Instance: { } instance } && Unwrap(instance) is IInvocationOperation inner && IsBuilderMethod(inner.TargetMethod, types))
        {
            first = inner;
        }

        var current = first;
        yield return current;
        while (current.Parent is { } parent && parent is IInvocationOperation next && next.Instance is { } receiver && ReferenceEquals(Unwrap(receiver), current))
        {
            yield return next;
            current = next;
        }
    }

    /// <summary>The receiver the fluent chain of <paramref name="operation"/> starts from (a parameter, a local, an object creation, …).</summary>
    private static IOperation ChainRoot(IOperation operation, KnownTypes types)
    {
        var current = operation switch
        {
            ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: { } instance } } => instance,
            _ => operation,
        };

        while (true)
        {
            current = Unwrap(current);
            switch (current)
            {
                case IInvocationOperation { Instance: { } instance } invocation
                    when IsBuilderMethod(invocation.TargetMethod, types) || IsPolicyOriginsAdd(invocation, types, out _):
                    current = instance;
                    break;
                case IPropertyReferenceOperation { Instance: { } owner } property
                    when types.IsType(property.Property.ContainingType, KnownType.Microsoft_AspNetCore_Cors_Infrastructure_CorsPolicy):
                    current = owner;
                    break;
                default:
                    return current;
            }
        }
    }

    private static ISymbol? RootSymbol(IOperation root) => root switch
    {
        IParameterReferenceOperation parameter => parameter.Parameter,
        ILocalReferenceOperation local => local.Local,
        _ => null,
    };

    /// <summary>The body that declares <paramref name="symbol"/>: the lambda owning the parameter, else the whole operation tree.</summary>
    private static IOperation DeclaringBody(IOperation operation, ISymbol symbol)
    {
        var owner = symbol is IParameterSymbol parameter ? parameter.ContainingSymbol : null;
        var current = operation;
        while (current.Parent is { } parent)
        {
            if (owner is not null && parent is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, owner))
            {
                return lambda.Body;
            }

            if (parent is ILocalFunctionOperation localFunction && SymbolEqualityComparer.Default.Equals(localFunction.Symbol, owner))
            {
                return (IOperation?)localFunction.Body ?? localFunction;
            }

            current = parent;
        }

        return current;
    }

    private static bool IsBuilderMethod(IMethodSymbol method, KnownTypes types)
        => !method.IsStatic && types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_Cors_Infrastructure_CorsPolicyBuilder);

    /// <summary>Whether <paramref name="invocation"/> is <c>policy.Origins.Add(…)</c> on a <c>CorsPolicy</c>.</summary>
    private static bool IsPolicyOriginsAdd(IInvocationOperation invocation, KnownTypes types, out IOperation? policy)
    {
        policy = null;
        if (invocation.TargetMethod.Name == "Add"
            && invocation.Instance is IPropertyReferenceOperation { Property.Name: "Origins", Instance: { } owner } origins
            && types.IsType(origins.Property.ContainingType, KnownType.Microsoft_AspNetCore_Cors_Infrastructure_CorsPolicy))
        {
            policy = owner;
            return true;
        }

        return false;
    }

    /// <summary>How many origins the <c>CorsPolicy</c> behind <paramref name="policy"/> gets through <c>Origins.Add</c> in this body.</summary>
    private static int CountPolicyOriginAdds(IOperation policy, KnownTypes types)
    {
        var symbol = RootSymbol(Unwrap(policy));
        if (symbol is null)
        {
            // An object initializer or an expression we cannot name: we only know of this one Add.
            return 1;
        }

        var count = 0;
        foreach (var operation in DeclaringBody(policy, symbol).Descendants())
        {
            if (operation is IInvocationOperation invocation && IsPolicyOriginsAdd(invocation, types, out var owner)
                && SymbolEqualityComparer.Default.Equals(RootSymbol(Unwrap(owner!)), symbol))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Whether the origins passed to <c>WithOrigins</c>/<c>new CorsPolicyBuilder</c> are exactly one constant <c>*</c>, and no other
    /// call on the same policy adds origins (in ASP.NET Core, <c>*</c> means any origin only when it stands alone).
    /// </summary>
    private static bool IsOnlyWildcard(ImmutableArray<IArgumentOperation> arguments, IOperation call, KnownTypes types)
    {
        if (arguments.Length != 1 || OriginValues(arguments[0]) is not { Length: 1 } only || only[0] != Wildcard)
        {
            return false;
        }

        foreach (var member in PolicyMembers(call, types))
        {
            if (!ReferenceEquals(member, call)
                && member is IInvocationOperation { TargetMethod.Name: "WithOrigins" } other
                && IsBuilderMethod(other.TargetMethod, types)
                && (other.Arguments.Length != 1 || OriginValues(other.Arguments[0]) is not { Length: 0 }))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The constant origins of a <c>params string[]</c> argument; null when any of them is not a compile-time constant.</summary>
    private static string?[]? OriginValues(IArgumentOperation argument)
    {
        // Roslyn 4.8 gives a collection expression (`["*"]`) no operation kind of its own: read its elements from the syntax.
        if (argument.Syntax is ArgumentSyntax { Expression: CollectionExpressionSyntax collection } && argument.SemanticModel is { } model)
        {
            var values = new string?[collection.Elements.Count];
            for (var i = 0; i < values.Length; i++)
            {
                if (collection.Elements[i] is not ExpressionElementSyntax element
                    || model.GetConstantValue(element.Expression) is not { HasValue: true, Value: var value and (string or null) })
                {
                    return null;
                }

                values[i] = (string?)value;
            }

            return values;
        }

        var array = Unwrap(argument.Value);
        if (array is IArrayCreationOperation { Initializer: { } initializer })
        {
            var values = new string?[initializer.ElementValues.Length];
            for (var i = 0; i < values.Length; i++)
            {
                if (initializer.ElementValues[i].ConstantValue is not { HasValue: true, Value: var value and (string or null) })
                {
                    return null;
                }

                values[i] = (string?)value;
            }

            return values;
        }

        return null;
    }

    /// <summary>Whether a delegate argument always returns true: a lambda, local function or method whose body only returns constant true.</summary>
    private static bool AlwaysReturnsTrue(IOperation value)
    {
        value = Unwrap(value);
        if (value is IDelegateCreationOperation creation)
        {
            value = Unwrap(creation.Target);
        }

        switch (value)
        {
            case IAnonymousFunctionOperation lambda:
                return ReturnsOnlyTrue(lambda.Body);
            case IMethodReferenceOperation { Method: { } method }:
                return method.DeclaringSyntaxReferences.Length == 1 && BodyReturnsOnlyTrue(method.DeclaringSyntaxReferences[0].GetSyntax());
            default:
                return false;
        }
    }

    private static bool ReturnsOnlyTrue(IBlockOperation body)
        => body.Operations.Length == 1
            && body.Operations[0] is IReturnOperation { ReturnedValue: { } returned }
            && returned.ConstantValue is { HasValue: true, Value: true };

    /// <summary>
    /// A method or local function declared elsewhere, read from its syntax only (no semantic model of another tree is needed):
    /// its body is <c>=&gt; true</c> or <c>{ return true; }</c>.
    /// </summary>
    private static bool BodyReturnsOnlyTrue(SyntaxNode declaration)
    {
        var (expressionBody, block) = declaration switch
        {
            MethodDeclarationSyntax method => (method.ExpressionBody, method.Body),
            LocalFunctionStatementSyntax local => (local.ExpressionBody, local.Body),
            _ => (null, null),
        };

        var returned = expressionBody?.Expression
            ?? (block is { Statements.Count: 1 } && block.Statements[0] is ReturnStatementSyntax { Expression: { } expression } ? expression : null);
        while (returned is ParenthesizedExpressionSyntax parenthesized)
        {
            returned = parenthesized.Expression;
        }

        return returned is LiteralExpressionSyntax literal && literal.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.TrueLiteralExpression);
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }
}
