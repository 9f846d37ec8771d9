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
/// AG0402: a handled exception's <c>Message</c>, <c>StackTrace</c>, <c>Source</c>, <c>InnerException</c> or <c>ToString()</c> is
/// written into a response (<c>Results.*</c>, <c>TypedResults.*</c>, <c>ControllerBase</c> helpers, <c>ObjectResult</c>,
/// <c>ProblemDetails.Detail</c>, <c>HttpResponse.WriteAsync</c>/<c>WriteAsJsonAsync</c>). Handled exceptions are a catch block's
/// variable, <c>IExceptionHandler.TryHandleAsync</c>'s exception, <c>IExceptionHandlerFeature.Error</c> and
/// <c>ExceptionContext.Exception</c>. The data flow is local: the expression itself, or a local declared once from it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExceptionDetailsInResponseAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: the expression the fix writes instead of the detail (a generic message with the trace identifier when an <c>HttpContext</c> is in scope).</summary>
    public const string ReplacementProperty = "Replacement";

    /// <summary>Property: the logger expression in scope (the fix logs the exception with it), with <see cref="ExceptionProperty"/> and the statement location.</summary>
    public const string LoggerProperty = "Logger";

    /// <summary>Property: the exception expression the fix logs.</summary>
    public const string ExceptionProperty = "Exception";

    /// <summary>Property: index in <c>AdditionalLocations</c> of the statement the log call goes before.</summary>
    public const string StatementProperty = "Statement.Location";

    /// <summary>The message the fix sends instead of the details.</summary>
    public const string GenericMessage = "An error occurred.";

    private const int MaxDepth = 4;

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.ExceptionDetailsInResponse,
        title: "Do not send exception details to the client",
        messageFormat: "'{0}' is written into the response and shows exception details to the client",
        description: "Exception messages, stack traces and inner exceptions describe the code, its libraries, queries and data. Log "
            + "the exception and send the client a generic message with a trace identifier.",
        RuleArea.ErrorHandling,
        DiagnosticSeverity.Warning,
        cwe: 209,
        owasp: "API8",
        hasCodeFix: true);

    private static readonly ImmutableHashSet<string> ControllerHelpers = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "BadRequest", "Ok", "Problem", "StatusCode", "Content", "NotFound", "Conflict", "UnprocessableEntity", "ValidationProblem", "Accepted", "Created", "Json");

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

            var analysis = new CompilationAnalysis(types);
            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(analysis.AnalyzeCreation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly KnownTypes _types;

        public CompilationAnalysis(KnownTypes types) => _types = types;

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (IsSink(invocation))
            {
                Scan(context, invocation.Arguments.Select(a => a.Value));
            }
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (_types.IsOrInherits(creation.Type, KnownType.Microsoft_AspNetCore_Mvc_ObjectResult))
            {
                Scan(context, creation.Arguments.Select(a => a.Value));
            }
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (IsDetailAssignment(assignment))
            {
                Scan(context, new[] { assignment.Value });
            }
        }

        private bool IsSink(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            var type = method.ContainingType;
            return (method.IsStatic && (_types.IsType(type, KnownType.Microsoft_AspNetCore_Http_Results) || _types.IsType(type, KnownType.Microsoft_AspNetCore_Http_TypedResults)))
                || (ControllerHelpers.Contains(method.Name) && _types.IsType(type, KnownType.Microsoft_AspNetCore_Mvc_ControllerBase))
                || (method.Name == "WriteAsync" && _types.IsType(type, KnownType.Microsoft_AspNetCore_Http_HttpResponseWritingExtensions))
                || (method.Name == "WriteAsJsonAsync" && _types.IsType(type, KnownType.Microsoft_AspNetCore_Http_HttpResponseJsonExtensions));
        }

        private bool IsDetailAssignment(ISimpleAssignmentOperation assignment)
            => assignment.Target is IPropertyReferenceOperation { Property.Name: "Detail" } property
                && _types.IsOrInherits(property.Property.ContainingType, KnownType.Microsoft_AspNetCore_Mvc_ProblemDetails);

        /// <summary>Finds the details in the values a sink writes, and reports each (not descending into nested sinks, which report their own).</summary>
        private void Scan(OperationAnalysisContext context, IEnumerable<IOperation> values)
        {
            var found = new List<IOperation>();
            foreach (var value in values)
            {
                Collect(value, found);
            }

            var logged = false;
            foreach (var detail in found)
            {
                if (EnvironmentGuard.Classify(detail, _types) is not (GuardKind.Always or GuardKind.NonDevelopmentOnly))
                {
                    continue;
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                var locations = new List<Location>();
                if (Fixable(detail))
                {
                    properties[ReplacementProperty] = Replacement(detail);
                    if (!logged && LogPlan(detail, properties, locations))
                    {
                        logged = true;
                    }
                }

                context.ReportDiagnostic(Diagnostic.Create(Rule, detail.Syntax.GetLocation(), locations, properties.ToImmutable(), detail.Syntax.ToString()));
            }
        }

        /// <summary>
        /// Collects the details in a value, following only what keeps them as they are on the way out: conversions, parentheses,
        /// string concatenation and interpolation, <c>?:</c>, <c>??</c>, <c>?.</c>, anonymous objects, object initializers and
        /// arrays. A call of any other method (a formatter of the app's own) is not followed.
        /// </summary>
        private void Collect(IOperation operation, List<IOperation> found)
        {
            if (IsDetail(operation, 0))
            {
                found.Add(StripImplicit(operation));
                return;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    Collect(conversion.Operand, found);
                    break;
                case IParenthesizedOperation parenthesized:
                    Collect(parenthesized.Operand, found);
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } binary:
                    // An exception turned into text by concatenation calls its ToString().
                    foreach (var operand in new[] { binary.LeftOperand, binary.RightOperand })
                    {
                        if (IsHandledException(operand, 0))
                        {
                            found.Add(StripImplicit(operand));
                        }
                        else
                        {
                            Collect(operand, found);
                        }
                    }

                    break;
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts.OfType<IInterpolationOperation>())
                    {
                        if (IsHandledException(part.Expression, 0))
                        {
                            found.Add(StripImplicit(part.Expression));
                        }
                        else
                        {
                            Collect(part.Expression, found);
                        }
                    }

                    break;
                case IConditionalOperation conditional:
                    Collect(conditional.WhenTrue, found);
                    if (conditional.WhenFalse is { } whenFalse)
                    {
                        Collect(whenFalse, found);
                    }

                    break;
                case ICoalesceOperation coalesce:
                    Collect(coalesce.Value, found);
                    Collect(coalesce.WhenNull, found);
                    break;
                case IAnonymousObjectCreationOperation anonymous:
                    foreach (var initializer in anonymous.Initializers)
                    {
                        Collect(initializer is ISimpleAssignmentOperation member ? member.Value : initializer, found);
                    }

                    break;
                case IObjectCreationOperation { Initializer: { } initializer } creation
                    when !_types.IsOrInherits(creation.Type, KnownType.Microsoft_AspNetCore_Mvc_ObjectResult):
                    Collect(initializer, found);
                    break;
                case IObjectOrCollectionInitializerOperation initializers:
                    foreach (var initializer in initializers.Initializers)
                    {
                        Collect(initializer, found);
                    }

                    break;
                case ISimpleAssignmentOperation assignment when !IsDetailAssignment(assignment):
                    Collect(assignment.Value, found);
                    break;
                case IMemberInitializerOperation nested:
                    Collect(nested.Initializer, found);
                    break;
                case IArrayCreationOperation { Initializer: { } elements }:
                    Collect(elements, found);
                    break;
                case IArrayInitializerOperation elements:
                    foreach (var element in elements.ElementValues)
                    {
                        Collect(element, found);
                    }

                    break;
            }
        }

        private static IOperation StripImplicit(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>An exception's <c>Message</c>, <c>StackTrace</c>, <c>Source</c>, <c>InnerException</c> or <c>ToString()</c>, or a local declared once from one.</summary>
        private bool IsDetail(IOperation operation, int depth)
        {
            operation = Unwrap(operation);
            switch (operation)
            {
                case IPropertyReferenceOperation { Property.Name: "Message" or "StackTrace" or "Source" or "InnerException" } property
                    when _types.IsOrInherits(property.Property.ContainingType, KnownType.System_Exception) && property.Instance is { } instance:
                    // A message of the app's own exception type is usually written for the client (a validation error).
                    return IsHandledException(instance, depth)
                        && !(property.Property.Name == "Message" && Unwrap(instance).Type is { } thrown && thrown.Locations.Any(l => l.IsInSource));
                case IInvocationOperation { TargetMethod: { Name: "ToString", Parameters.Length: 0 }, Instance: { } target }
                    when _types.IsOrInherits(target.Type, KnownType.System_Exception):
                    return IsHandledException(target, depth);
                case ILocalReferenceOperation local when depth < MaxDepth && !LocalValues.IsReassigned(local) && LocalValues.DeclaredValue(local) is { } declared:
                    return IsDetail(declared, depth + 1);
                case IConditionalAccessOperation conditional:
                    return IsDetail(conditional.WhenNotNull, depth);
                default:
                    return false;
            }
        }

        /// <summary>An exception being handled: a catch variable, the exception of an exception handler or filter, or one derived from them.</summary>
        private bool IsHandledException(IOperation operation, int depth)
        {
            operation = Unwrap(operation);
            if (depth > MaxDepth || !_types.IsOrInherits(operation.Type, KnownType.System_Exception))
            {
                return false;
            }

            switch (operation)
            {
                case ILocalReferenceOperation local:
                    if (local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is CatchDeclarationSyntax)
                    {
                        return true;
                    }

                    return !LocalValues.IsReassigned(local) && LocalValues.DeclaredValue(local) is { } declared && IsHandledException(declared, depth + 1);
                case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { Name: "TryHandleAsync" } method }:
                    return method.ContainingType.AllInterfaces.Any(i => _types.IsType(i, KnownType.Microsoft_AspNetCore_Diagnostics_IExceptionHandler));
                case IPropertyReferenceOperation { Property.Name: "Error" } error:
                    return _types.IsOrInherits(error.Property.ContainingType, KnownType.Microsoft_AspNetCore_Diagnostics_IExceptionHandlerFeature);
                case IPropertyReferenceOperation { Property.Name: "Exception" } filter:
                    return _types.IsOrInherits(filter.Property.ContainingType, KnownType.Microsoft_AspNetCore_Mvc_Filters_ExceptionContext);
                case IPropertyReferenceOperation { Property.Name: "InnerException", Instance: { } outer }:
                    return IsHandledException(outer, depth + 1);
                default:
                    return false;
            }
        }

        /// <summary>Looks through conversions, parentheses and <c>?.</c> (the instance of <c>x?.Message</c> is <c>x</c>).</summary>
        private static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    case IConditionalAccessInstanceOperation instance:
                        var access = instance.Parent;
                        while (access is not null and not IConditionalAccessOperation)
                        {
                            access = access.Parent;
                        }

                        if (access is IConditionalAccessOperation conditional)
                        {
                            operation = conditional.Operation;
                            continue;
                        }

                        return operation;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>Whether a string can take the detail's place: it is a string, or becomes one (or an object) where it is.</summary>
        private static bool Fixable(IOperation detail)
            => detail.Type?.SpecialType == SpecialType.System_String
                || detail.Parent is IInterpolationOperation
                || detail.Parent is IConversionOperation { Type.SpecialType: SpecialType.System_Object or SpecialType.System_String };

        private string Replacement(IOperation detail)
        {
            var context = InScope.Find(detail, (type, name) =>
                _types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Http_HttpContext) ? name
                : _types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Mvc_Filters_ExceptionContext) ? name + ".HttpContext"
                : null);
            return context is null
                ? "\"" + GenericMessage + "\""
                : "\"" + GenericMessage + " Trace id: \" + " + context + ".TraceIdentifier";
        }

        /// <summary>Plans the log call: a logger in scope, a plain exception expression, a statement in a block, and no log of it there yet.</summary>
        private bool LogPlan(IOperation detail, ImmutableDictionary<string, string?>.Builder properties, List<Location> locations)
        {
            var exception = ExceptionOf(detail);
            if (exception is null
                || exception.Syntax is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax })
                || detail.Syntax.FirstAncestorOrSelf<StatementSyntax>() is not { Parent: BlockSyntax block } statement
                || AlreadyLogs(block, detail))
            {
                return false;
            }

            var logger = InScope.Find(detail, (type, name) => _types.IsOrInherits(type, KnownType.Microsoft_Extensions_Logging_ILogger) ? name : null);
            if (logger is null)
            {
                return false;
            }

            properties[LoggerProperty] = logger;
            properties[ExceptionProperty] = exception.Syntax.ToString();
            properties[StatementProperty] = locations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            locations.Add(statement.GetLocation());
            return true;
        }

        /// <summary>The handled exception a detail comes from (following locals), or null.</summary>
        private IOperation? ExceptionOf(IOperation detail)
        {
            var current = Unwrap(detail);
            for (var depth = 0; depth <= MaxDepth; depth++)
            {
                switch (current)
                {
                    case ILocalReferenceOperation local when local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is CatchDeclarationSyntax:
                        return current;
                    case ILocalReferenceOperation local when !_types.IsOrInherits(local.Type, KnownType.System_Exception) || !IsHandledException(local, 0):
                        if (LocalValues.DeclaredValue(local) is not { } declared)
                        {
                            return null;
                        }

                        current = Unwrap(declared);
                        continue;
                    case IPropertyReferenceOperation { Property.Name: "Message" or "StackTrace" or "Source" or "InnerException" } property when property.Instance is { } instance:
                        current = Unwrap(instance);
                        continue;
                    case IInvocationOperation { Instance: { } target }:
                        current = Unwrap(target);
                        continue;
                    default:
                        return IsHandledException(current, 0) ? current : null;
                }
            }

            return null;
        }

        /// <summary>Whether the block (or the method around it) already logs an exception through an <c>ILogger</c>.</summary>
        private bool AlreadyLogs(BlockSyntax block, IOperation detail)
        {
            if (detail.SemanticModel?.GetOperation(block) is not { } body)
            {
                return false;
            }

            return body.Descendants().OfType<IInvocationOperation>().Any(call =>
                call.Arguments.Any(a => _types.IsOrInherits(a.Value.Type, KnownType.Microsoft_Extensions_Logging_ILogger) || _types.IsOrInherits(call.Instance?.Type, KnownType.Microsoft_Extensions_Logging_ILogger))
                && call.Arguments.Any(a => _types.IsOrInherits(Unwrap(a.Value).Type, KnownType.System_Exception)));
        }
    }
}
