namespace ApiGuard.Benchmarks.Generation;

/// <summary>How a generated property is validated, sampled and summarised.</summary>
public enum PropertyKind
{
    Text,
    OptionalText,
    Money,
    Number,
    Flag,
    Date,
    Code,
    Email,
    Identifier,
}

/// <summary>A property of a feature's entity and DTOs (besides <c>Id</c>, <c>Name</c> and the timestamps every entity has).</summary>
public sealed record EntityProperty(string Type, string Name, PropertyKind Kind)
{
    public bool IsNonNullableString => Type == "string";
}

/// <summary>How a feature is exposed.</summary>
public enum FeatureSurface
{
    /// <summary>An MVC controller deriving from the app's base controller.</summary>
    Controller,

    /// <summary>Minimal APIs on a route group.</summary>
    Endpoints,

    /// <summary>A console job (the plain flavour).</summary>
    Job,
}

/// <summary>
/// One business area of a generated project: an entity with DTOs, a service interface and implementation, and a surface (a
/// controller, a minimal API group or a console job). Everything about feature <c>i</c> depends only on the seed and <c>i</c>,
/// so a bigger project keeps the smaller one's features.
/// </summary>
public sealed class Feature
{
    public required int Index { get; init; }

    /// <summary>Singular PascalCase name: <c>Order</c>, <c>PartnerInvoice</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Plural PascalCase name: <c>Orders</c>, <c>PartnerInvoices</c>.</summary>
    public required string Plural { get; init; }

    /// <summary>The route segment: <c>orders</c>, <c>partner-invoices</c>.</summary>
    public required string Route { get; init; }

    public required IReadOnlyList<EntityProperty> Properties { get; init; }

    public required FeatureSurface Surface { get; init; }

    /// <summary>The list endpoint is public (<c>AllowAnonymous</c>), as for a catalogue.</summary>
    public required bool PublicList { get; init; }

    /// <summary>The surface uses the partners' CORS policy (<c>EnableCors</c>/<c>RequireCors</c>).</summary>
    public required bool PartnerCors { get; init; }

    /// <summary>The surface names the rate-limiting policy explicitly (besides the global limiter).</summary>
    public required bool ExplicitRateLimit { get; init; }

    /// <summary>Minimal APIs written as inline lambdas rather than method groups.</summary>
    public required bool InlineHandlers { get; init; }

    public string ServiceInterface => $"I{Name}Service";

    public string Service => $"{Name}Service";

    public string Entity => $"{Name}Entity";

    public string Dto => $"{Name}Dto";

    public string CreateRequest => $"Create{Name}Request";

    public string UpdateRequest => $"Update{Name}Request";
}
