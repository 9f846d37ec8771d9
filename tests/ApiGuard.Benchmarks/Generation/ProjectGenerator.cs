namespace ApiGuard.Benchmarks.Generation;

/// <summary>
/// Writes synthetic C# projects of a given size, deterministically: the same flavour, size and seed always give the same files
/// (a fixed seed and our own <see cref="DeterministicRandom"/>; no clock, no <see cref="Random"/>, no file system).
/// </summary>
/// <remarks>
/// A project is a few fixed files (entry point, global usings, shared infrastructure, extension methods) and then features of
/// <see cref="FilesPerFeature"/> files each (models, service interface, service, surface). Files left over when the size is not
/// a multiple are filled with small utility classes. To grow the benchmark (more sizes, more kinds of files), add sizes in
/// <see cref="Infrastructure.BenchmarkProjects"/> or file kinds here; feature <c>i</c> never depends on the project size.
/// </remarks>
public static class ProjectGenerator
{
    /// <summary>The seed every benchmark uses. Changing it changes the inputs, and so the figures in docs/performance.md.</summary>
    public const ulong DefaultSeed = 0x41706947756172;

    /// <summary>Models, service interface, service and surface.</summary>
    public const int FilesPerFeature = 4;

    private static readonly (string Singular, string Plural)[] Nouns =
    [
        ("Order", "Orders"), ("Customer", "Customers"), ("Product", "Products"), ("Invoice", "Invoices"), ("Shipment", "Shipments"),
        ("Supplier", "Suppliers"), ("Warehouse", "Warehouses"), ("Payment", "Payments"), ("Refund", "Refunds"), ("Coupon", "Coupons"),
        ("Category", "Categories"), ("Review", "Reviews"), ("Ticket", "Tickets"), ("Project", "Projects"), ("Task", "Tasks"),
        ("Contract", "Contracts"), ("Employee", "Employees"), ("Department", "Departments"), ("Budget", "Budgets"), ("Asset", "Assets"),
        ("Vehicle", "Vehicles"), ("Route", "Routes"), ("Booking", "Bookings"), ("Room", "Rooms"), ("Event", "Events"),
        ("Venue", "Venues"), ("Subscription", "Subscriptions"), ("Plan", "Plans"), ("Report", "Reports"), ("Document", "Documents"),
        ("Device", "Devices"), ("Sensor", "Sensors"), ("Alert", "Alerts"), ("Incident", "Incidents"), ("Policy", "Policies"),
        ("Claim", "Claims"), ("Account", "Accounts"), ("Ledger", "Ledgers"), ("Transfer", "Transfers"), ("Quote", "Quotes"),
        ("Lead", "Leads"), ("Campaign", "Campaigns"), ("Survey", "Surveys"), ("Course", "Courses"), ("Lesson", "Lessons"),
        ("Recipe", "Recipes"), ("Menu", "Menus"), ("Store", "Stores"), ("Region", "Regions"), ("Tenant", "Tenants"),
    ];

    private static readonly string[] Qualifiers =
    [
        "", "Partner", "Internal", "Archived", "Scheduled", "Regional", "Draft", "Recurring", "Priority", "Legacy",
    ];

    private static readonly EntityProperty[] PropertyPool =
    [
        new("string", "Description", PropertyKind.Text),
        new("string?", "Notes", PropertyKind.OptionalText),
        new("decimal", "Amount", PropertyKind.Money),
        new("decimal", "Price", PropertyKind.Money),
        new("int", "Quantity", PropertyKind.Number),
        new("int", "Priority", PropertyKind.Number),
        new("bool", "IsActive", PropertyKind.Flag),
        new("bool", "IsArchived", PropertyKind.Flag),
        new("DateTimeOffset?", "DueAt", PropertyKind.Date),
        new("string", "Code", PropertyKind.Code),
        new("string", "Region", PropertyKind.Text),
        new("Guid", "ExternalId", PropertyKind.Identifier),
        new("string?", "ContactEmail", PropertyKind.Email),
        new("int", "Revision", PropertyKind.Number),
    ];

    /// <summary>A project of <paramref name="fileCount"/> files.</summary>
    public static SyntheticProject Generate(ProjectFlavour flavour, int fileCount, ulong seed = DefaultSeed)
    {
        var root = flavour == ProjectFlavour.AspNetCore ? "Bench.Api" : "Bench.Batch";
        var fixedCount = flavour == ProjectFlavour.AspNetCore ? AspNetCoreTemplates.FixedFileCount : PlainTemplates.FixedFileCount;
        if (fileCount < fixedCount + FilesPerFeature)
        {
            throw new ArgumentOutOfRangeException(nameof(fileCount), fileCount, $"A {flavour} project needs at least {fixedCount + FilesPerFeature} files.");
        }

        var featureCount = (fileCount - fixedCount) / FilesPerFeature;
        var fillerCount = (fileCount - fixedCount) % FilesPerFeature;
        var features = Enumerable.Range(0, featureCount).Select(i => CreateFeature(flavour, i, seed)).ToList();

        var files = new List<SourceFile>(fileCount);
        files.AddRange(flavour == ProjectFlavour.AspNetCore ? AspNetCoreTemplates.FixedFiles(root, features) : PlainTemplates.FixedFiles(root, features));
        foreach (var feature in features)
        {
            files.Add(new SourceFile($"Models/{feature.Name}Models.cs", SharedTemplates.Models(root, feature)));
            files.Add(new SourceFile($"Services/{feature.ServiceInterface}.cs", SharedTemplates.ServiceInterface(root, feature)));
            files.Add(new SourceFile($"Services/{feature.Service}.cs", SharedTemplates.Service(root, feature, flavour)));
            files.Add(feature.Surface switch
            {
                FeatureSurface.Controller => new SourceFile($"Controllers/{feature.Plural}Controller.cs", AspNetCoreTemplates.Controller(root, feature)),
                FeatureSurface.Endpoints => new SourceFile($"Endpoints/{feature.Name}Endpoints.cs", AspNetCoreTemplates.Endpoints(root, feature)),
                _ => new SourceFile($"Jobs/{feature.Name}ReportJob.cs", PlainTemplates.Job(root, feature)),
            });
        }

        for (var i = 0; i < fillerCount; i++)
        {
            files.Add(new SourceFile($"Infrastructure/Text/TextUtilities{i + 1}.cs", SharedTemplates.TextUtilities(root, i + 1)));
        }

        if (files.Count != fileCount)
        {
            throw new InvalidOperationException($"Generated {files.Count} files instead of {fileCount}.");
        }

        var expected = flavour == ProjectFlavour.AspNetCore ? AspNetCoreTemplates.ExpectedDiagnosticIds : [];
        return new SyntheticProject(flavour, root, files, expected);
    }

    private static Feature CreateFeature(ProjectFlavour flavour, int index, ulong seed)
    {
        var random = DeterministicRandom.For(seed, index);
        var (singular, plural) = Nouns[index % Nouns.Length];
        var round = index / Nouns.Length;
        var qualifier = Qualifiers[round % Qualifiers.Length];
        var suffix = round < Qualifiers.Length ? string.Empty : (round / Qualifiers.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = qualifier + singular + suffix;
        var pluralName = qualifier + plural + suffix;

        return new Feature
        {
            Index = index,
            Name = name,
            Plural = pluralName,
            Route = ToKebabCase(pluralName),
            Properties = random.PickDistinct(PropertyPool, random.Next(2, 7)),
            Surface = flavour == ProjectFlavour.Plain ? FeatureSurface.Job : (index % 2 == 0 ? FeatureSurface.Controller : FeatureSurface.Endpoints),
            PublicList = random.Chance(20),
            PartnerCors = random.Chance(15),
            ExplicitRateLimit = random.Chance(30),
            InlineHandlers = random.Chance(50),
        };
    }

    private static string ToKebabCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
