using System.Text;

namespace ApiGuard.Benchmarks.Generation;

/// <summary>The files both flavours share: infrastructure, models, service interfaces and services, utility fillers.</summary>
internal static class SharedTemplates
{
    public static string PagedResult(string root) => $$"""
        namespace {{root}}.Infrastructure;

        /// <summary>One page of a list.</summary>
        public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
        {
            public int PageCount => PageSize <= 0 ? 0 : (Total + PageSize - 1) / PageSize;

            public bool HasNext => Page < PageCount;

            public static PagedResult<T> Empty(int pageSize) => new(Array.Empty<T>(), 1, pageSize, 0);
        }

        """;

    public static string EntityStore(string root) => $$"""
        using System.Collections.Concurrent;

        namespace {{root}}.Infrastructure;

        /// <summary>An in-memory store keyed by integer ids, safe for concurrent use.</summary>
        public sealed class EntityStore<T>
            where T : class
        {
            private readonly ConcurrentDictionary<int, T> _items = new();
            private int _lastId;

            public int Count => _items.Count;

            public int NextId() => Interlocked.Increment(ref _lastId);

            public void Add(int id, T item)
            {
                ArgumentNullException.ThrowIfNull(item);
                if (!_items.TryAdd(id, item))
                {
                    throw new InvalidOperationException($"An item with id {id} already exists.");
                }
            }

            public T? Find(int id) => _items.TryGetValue(id, out var item) ? item : null;

            public bool Remove(int id) => _items.TryRemove(id, out _);

            public IEnumerable<T> All() => _items.Values;
        }

        """;

    public static string Models(string root, Feature feature)
    {
        var entityProperties = new StringBuilder();
        foreach (var property in feature.Properties)
        {
            var initializer = property.IsNonNullableString ? " = string.Empty;" : string.Empty;
            entityProperties.Append($"    public {property.Type} {property.Name} {{ get; set; }}{initializer}\n\n");
        }

        var requestParameters = string.Concat(feature.Properties.Select(p => $", {p.Type} {p.Name}"));
        var dtoArguments = string.Concat(feature.Properties.Select(p => $", {p.Name}"));

        return $$"""
            namespace {{root}}.Models;

            /// <summary>A stored {{Words(feature.Name)}}.</summary>
            public sealed class {{feature.Entity}}
            {
                public int Id { get; init; }

                public string Name { get; set; } = string.Empty;

            {{entityProperties}}    public DateTimeOffset CreatedAt { get; init; }

                public DateTimeOffset? UpdatedAt { get; set; }

                public {{feature.Dto}} ToDto() => new(Id, Name{{dtoArguments}}, CreatedAt, UpdatedAt);
            }

            /// <summary>A {{Words(feature.Name)}} as the API returns it.</summary>
            public sealed record {{feature.Dto}}(int Id, string Name{{requestParameters}}, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt);

            /// <summary>What a client sends to create a {{Words(feature.Name)}}.</summary>
            public sealed record {{feature.CreateRequest}}(string Name{{requestParameters}});

            /// <summary>What a client sends to replace a {{Words(feature.Name)}}.</summary>
            public sealed record {{feature.UpdateRequest}}(string Name{{requestParameters}})
            {
                public {{feature.CreateRequest}} AsCreateRequest() => new(Name{{dtoArguments}});
            }

            """;
    }

    public static string ServiceInterface(string root, Feature feature) => $$"""
        using {{root}}.Infrastructure;
        using {{root}}.Models;

        namespace {{root}}.Services;

        /// <summary>Reads and writes {{Words(feature.Plural)}}.</summary>
        public interface {{feature.ServiceInterface}}
        {
            Task<PagedResult<{{feature.Dto}}>> ListAsync(string? search, int page, int pageSize, CancellationToken cancellationToken);

            Task<{{feature.Dto}}?> FindAsync(int id, CancellationToken cancellationToken);

            Task<{{feature.Dto}}> CreateAsync({{feature.CreateRequest}} request, CancellationToken cancellationToken);

            Task<{{feature.Dto}}?> UpdateAsync(int id, {{feature.UpdateRequest}} request, CancellationToken cancellationToken);

            Task<bool> DeleteAsync(int id, CancellationToken cancellationToken);

            IReadOnlyList<string> Validate({{feature.CreateRequest}} request);

            string Summarize();
        }

        """;

    public static string Service(string root, Feature feature, ProjectFlavour flavour)
    {
        var web = flavour == ProjectFlavour.AspNetCore;
        var loggerField = web ? $"private readonly ILogger<{feature.Service}> _logger;" : "private readonly TextWriter _log;";
        var loggerParameter = web ? $"ILogger<{feature.Service}> logger" : "TextWriter log";
        var loggerAssignment = web ? "_logger = logger;" : "_log = log;";
        var logCreated = web
            ? $"_logger.LogInformation(\"Created {{Entity}} {{Id}}\", \"{feature.Name}\", entity.Id);"
            : $"_log.WriteLine($\"Created {feature.Name} {{entity.Id}}\");";
        var logDeleted = web
            ? $"_logger.LogInformation(\"Deleted {{Entity}} {{Id}}\", \"{feature.Name}\", id);"
            : $"_log.WriteLine($\"Deleted {feature.Name} {{id}}\");";

        var searchTerms = new StringBuilder("e.Name.Contains(search, StringComparison.OrdinalIgnoreCase)");
        foreach (var property in feature.Properties.Where(p => p.Kind == PropertyKind.Text))
        {
            searchTerms.Append($"\n                || e.{property.Name}.Contains(search, StringComparison.OrdinalIgnoreCase)");
        }

        var filters = new StringBuilder();
        foreach (var property in feature.Properties.Where(p => p.Kind == PropertyKind.Flag))
        {
            var condition = property.Name == "IsArchived" ? "!e.IsArchived" : "e.IsActive";
            filters.Append($"\n        query = query.Where(e => {condition});\n");
        }

        var assignments = new StringBuilder();
        var updates = new StringBuilder();
        foreach (var property in feature.Properties)
        {
            var value = property.Kind switch
            {
                PropertyKind.Text or PropertyKind.Code => $"request.{property.Name}.Trim()",
                PropertyKind.OptionalText or PropertyKind.Email => $"string.IsNullOrWhiteSpace(request.{property.Name}) ? null : request.{property.Name}.Trim()",
                PropertyKind.Money => $"decimal.Round(request.{property.Name}, 2, MidpointRounding.ToEven)",
                _ => $"request.{property.Name}",
            };
            assignments.Append($"            {property.Name} = {value},\n");
            updates.Append($"        entity.{property.Name} = {value};\n");
        }

        var validations = new StringBuilder();
        foreach (var property in feature.Properties)
        {
            var check = property.Kind switch
            {
                PropertyKind.Text => $"if (request.{property.Name}.Length > 2000)\n        {{\n            errors.Add(\"{property.Name} must be at most 2000 characters.\");\n        }}",
                PropertyKind.OptionalText => $"if (request.{property.Name} is {{ Length: > 4000 }})\n        {{\n            errors.Add(\"{property.Name} must be at most 4000 characters.\");\n        }}",
                PropertyKind.Money => $"if (request.{property.Name} < 0m)\n        {{\n            errors.Add(\"{property.Name} must not be negative.\");\n        }}",
                PropertyKind.Number => $"if (request.{property.Name} is < 0 or > 1_000_000)\n        {{\n            errors.Add(\"{property.Name} must be between 0 and 1000000.\");\n        }}",
                PropertyKind.Date => $"if (request.{property.Name} is {{ }} due && due < _clock.GetUtcNow())\n        {{\n            errors.Add(\"{property.Name} must be in the future.\");\n        }}",
                PropertyKind.Code => $"if (request.{property.Name}.Length is < 2 or > 16 || !request.{property.Name}.All(char.IsLetterOrDigit))\n        {{\n            errors.Add(\"{property.Name} must be 2 to 16 letters or digits.\");\n        }}",
                PropertyKind.Email => $"if (request.{property.Name} is {{ Length: > 0 }} email && (!email.Contains('@') || email.Length > 320))\n        {{\n            errors.Add(\"{property.Name} must be an e-mail address.\");\n        }}",
                PropertyKind.Identifier => $"if (request.{property.Name} == Guid.Empty)\n        {{\n            errors.Add(\"{property.Name} is required.\");\n        }}",
                _ => null,
            };
            if (check is not null)
            {
                validations.Append($"\n        {check}\n");
            }
        }

        var summary = new StringBuilder();
        foreach (var property in feature.Properties)
        {
            var line = property.Kind switch
            {
                PropertyKind.Money => $"builder.Append(\", total {property.Name} \").Append(items.Sum(e => e.{property.Name}).ToString(\"0.00\", CultureInfo.InvariantCulture));",
                PropertyKind.Number => $"builder.Append(\", max {property.Name} \").Append(items.Count == 0 ? 0 : items.Max(e => e.{property.Name}));",
                PropertyKind.Flag => $"builder.Append(\", {property.Name} \").Append(items.Count(e => e.{property.Name}));",
                PropertyKind.Date => $"builder.Append(\", overdue \").Append(items.Count(e => e.{property.Name} is {{ }} due && due < now));",
                _ => null,
            };
            if (line is not null)
            {
                summary.Append($"        {line}\n");
            }
        }

        var needsNow = feature.Properties.Any(p => p.Kind == PropertyKind.Date);

        return $$"""
            using System.Globalization;
            using System.Text;
            using {{root}}.Infrastructure;
            using {{root}}.Models;

            namespace {{root}}.Services;

            /// <summary>Keeps {{Words(feature.Plural)}} in memory.</summary>
            public sealed class {{feature.Service}} : {{feature.ServiceInterface}}
            {
                private const int MaxPageSize = 100;
                private const int MaxNameLength = 200;
                private readonly EntityStore<{{feature.Entity}}> _store = new();
                private readonly TimeProvider _clock;
                {{loggerField}}

                public {{feature.Service}}(TimeProvider clock, {{loggerParameter}})
                {
                    _clock = clock;
                    {{loggerAssignment}}
                }

                public Task<PagedResult<{{feature.Dto}}>> ListAsync(string? search, int page, int pageSize, CancellationToken cancellationToken)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    page = Math.Max(1, page);
                    pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
                    IEnumerable<{{feature.Entity}}> query = _store.All();
                    if (!string.IsNullOrWhiteSpace(search))
                    {
                        query = query.Where(e => {{searchTerms}});
                    }
            {{filters}}
                    var ordered = query.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Id).ToList();
                    if (ordered.Count == 0)
                    {
                        return Task.FromResult(PagedResult<{{feature.Dto}}>.Empty(pageSize));
                    }

                    var items = ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(e => e.ToDto()).ToList();
                    return Task.FromResult(new PagedResult<{{feature.Dto}}>(items, page, pageSize, ordered.Count));
                }

                public Task<{{feature.Dto}}?> FindAsync(int id, CancellationToken cancellationToken)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return Task.FromResult(_store.Find(id)?.ToDto());
                }

                public async Task<{{feature.Dto}}> CreateAsync({{feature.CreateRequest}} request, CancellationToken cancellationToken)
                {
                    ArgumentNullException.ThrowIfNull(request);
                    var errors = Validate(request);
                    if (errors.Count > 0)
                    {
                        throw new ArgumentException(string.Join("; ", errors), nameof(request));
                    }

                    await Task.Yield();
                    cancellationToken.ThrowIfCancellationRequested();
                    var entity = new {{feature.Entity}}
                    {
                        Id = _store.NextId(),
                        Name = request.Name.Trim(),
            {{assignments}}            CreatedAt = _clock.GetUtcNow(),
                    };
                    _store.Add(entity.Id, entity);
                    {{logCreated}}
                    return entity.ToDto();
                }

                public Task<{{feature.Dto}}?> UpdateAsync(int id, {{feature.UpdateRequest}} request, CancellationToken cancellationToken)
                {
                    ArgumentNullException.ThrowIfNull(request);
                    cancellationToken.ThrowIfCancellationRequested();
                    var entity = _store.Find(id);
                    if (entity is null)
                    {
                        return Task.FromResult<{{feature.Dto}}?>(null);
                    }

                    var errors = Validate(request.AsCreateRequest());
                    if (errors.Count > 0)
                    {
                        throw new ArgumentException(string.Join("; ", errors), nameof(request));
                    }

                    entity.Name = request.Name.Trim();
            {{updates}}        entity.UpdatedAt = _clock.GetUtcNow();
                    return Task.FromResult<{{feature.Dto}}?>(entity.ToDto());
                }

                public Task<bool> DeleteAsync(int id, CancellationToken cancellationToken)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var removed = _store.Remove(id);
                    if (removed)
                    {
                        {{logDeleted}}
                    }

                    return Task.FromResult(removed);
                }

                public IReadOnlyList<string> Validate({{feature.CreateRequest}} request)
                {
                    ArgumentNullException.ThrowIfNull(request);
                    var errors = new List<string>();
                    if (string.IsNullOrWhiteSpace(request.Name))
                    {
                        errors.Add("Name is required.");
                    }
                    else if (request.Name.Length > MaxNameLength)
                    {
                        errors.Add($"Name must be at most {MaxNameLength} characters.");
                    }
            {{validations}}
                    return errors;
                }

                public string Summarize()
                {
                    var items = _store.All().ToList();
                    {{(needsNow ? "var now = _clock.GetUtcNow();" : "// No time-based figures for this entity.")}}
                    var builder = new StringBuilder();
                    builder.Append("{{Words(feature.Plural)}}: ").Append(items.Count.ToString(CultureInfo.InvariantCulture));
            {{summary}}        return builder.ToString();
                }
            }

            """;
    }

    /// <summary>A small utility class, used to fill a project up to the exact file count.</summary>
    public static string TextUtilities(string root, int number) => $$"""
        using System.Globalization;
        using System.Text;

        namespace {{root}}.Infrastructure.Text;

        /// <summary>String helpers (set {{number}}).</summary>
        public static class TextUtilities{{number}}
        {
            private const int DefaultMaxLength = {{40 + (number * 8)}};

            public static string Slugify(string value)
            {
                ArgumentNullException.ThrowIfNull(value);
                var builder = new StringBuilder(value.Length);
                var lastWasDash = false;
                foreach (var c in value.Trim().ToLowerInvariant())
                {
                    if (char.IsLetterOrDigit(c))
                    {
                        builder.Append(c);
                        lastWasDash = false;
                    }
                    else if (!lastWasDash && builder.Length > 0)
                    {
                        builder.Append('-');
                        lastWasDash = true;
                    }
                }

                return builder.ToString().TrimEnd('-');
            }

            public static string Truncate(string value, int maxLength = DefaultMaxLength)
                => value.Length <= maxLength ? value : string.Concat(value.AsSpan(0, Math.Max(0, maxLength - 1)), "…");

            public static uint Fnv1a(string value)
            {
                var hash = 2166136261u;
                foreach (var c in value)
                {
                    hash = (hash ^ c) * 16777619u;
                }

                return hash;
            }

            public static string TitleCase(string value)
                => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(value.ToLowerInvariant());

            public static IReadOnlyList<string> SplitWords(string value)
                => value.Split(new[] { ' ', '\t', '-', '_' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        """;

    /// <summary><c>PartnerInvoices</c> as <c>partner invoices</c>.</summary>
    public static string Words(string pascalCase)
    {
        var builder = new StringBuilder(pascalCase.Length + 4);
        for (var i = 0; i < pascalCase.Length; i++)
        {
            if (char.IsUpper(pascalCase[i]) && i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(char.ToLowerInvariant(pascalCase[i]));
        }

        return builder.ToString();
    }
}
