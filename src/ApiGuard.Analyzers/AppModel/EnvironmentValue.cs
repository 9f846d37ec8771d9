using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.AppModel;

/// <summary>
/// The value a setting has when the app runs outside Development, beyond literals: constants (<c>const bool</c>, enum members),
/// environment checks used as values (<c>Secure = !env.IsDevelopment()</c> is true in production), ternaries on an environment
/// check (<c>env.IsDevelopment() ? CookieSecurePolicy.None : CookieSecurePolicy.Always</c>) and locals declared once from any of
/// these. Anything else has no known value, and rules that ask stay silent.
/// </summary>
internal static class EnvironmentValue
{
    private const int MaxDepth = 8;

    /// <summary>
    /// The constant value <paramref name="value"/> has outside Development (a <see cref="bool"/>, an enum's underlying value, a
    /// string, or null), or no value when it cannot be known. Conversions are looked through.
    /// </summary>
    public static Optional<object?> OutsideDevelopment(IOperation value, KnownTypes types) => Evaluate(value, types, 0);

    /// <summary>Whether <paramref name="value"/> is known to equal <paramref name="expected"/> outside Development.</summary>
    public static bool IsOutsideDevelopment(IOperation value, KnownTypes types, object expected)
        => OutsideDevelopment(value, types) is { HasValue: true, Value: { } actual } && actual.Equals(expected);

    private static Optional<object?> Evaluate(IOperation value, KnownTypes types, int depth)
    {
        if (depth > MaxDepth)
        {
            return default;
        }

        while (value is IConversionOperation { IsImplicit: true } or IConversionOperation { Operand.Type.TypeKind: TypeKind.Enum } or IParenthesizedOperation)
        {
            value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
        }

        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue;
        }

        switch (value)
        {
            case IConditionalOperation { WhenFalse: { } whenFalse } ternary:
                return Branch(ternary.Condition, ternary.WhenTrue, whenFalse, types, depth);

            case ILocalReferenceOperation local when !LocalValues.IsReassigned(local) && LocalValues.DeclaredValue(local) is { } declared:
                return Evaluate(declared, types, depth + 1);
        }

        if (value.Type?.SpecialType == SpecialType.System_Boolean)
        {
            var (whenTrue, whenFalse) = EnvironmentGuard.ClassifyCondition(value, types);
            // True only in Development means false everywhere else, and the reverse. `IsProduction()` says nothing about Staging.
            if (whenTrue == GuardKind.DevelopmentOnly)
            {
                return new Optional<object?>(false);
            }

            if (whenFalse == GuardKind.DevelopmentOnly)
            {
                return new Optional<object?>(true);
            }
        }

        return default;
    }

    private static Optional<object?> Branch(IOperation condition, IOperation whenTrue, IOperation whenFalse, KnownTypes types, int depth)
    {
        var (trueGuard, falseGuard) = EnvironmentGuard.ClassifyCondition(condition, types);
        if (trueGuard == GuardKind.DevelopmentOnly)
        {
            return Evaluate(whenFalse, types, depth + 1);
        }

        if (falseGuard == GuardKind.DevelopmentOnly)
        {
            return Evaluate(whenTrue, types, depth + 1);
        }

        // No environment in the condition: known only when both branches agree.
        var left = Evaluate(whenTrue, types, depth + 1);
        var right = Evaluate(whenFalse, types, depth + 1);
        return left.HasValue && right.HasValue && Equals(left.Value, right.Value) ? left : default;
    }
}
