using System.Collections.Concurrent;
using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Tests.Rules.ErrorHandling;

/// <summary>
/// Stand-ins for the packages the information-disclosure rules (AG0402-AG0405) know, compiled into assemblies with the packages'
/// names, namespaces, type names and signatures: Swashbuckle, Microsoft.AspNetCore.OpenApi, Scalar.AspNetCore, gRPC reflection and
/// gRPC server options, EF Core's options builder, and JwtBearer's options. They are references, not sources, as in a real app.
/// </summary>
internal static class DisclosureStandIns
{
    public const string Swashbuckle = """
        namespace Swashbuckle.AspNetCore.Swagger { public class SwaggerOptions { public string RouteTemplate { get; set; } = ""; } }
        namespace Swashbuckle.AspNetCore.SwaggerUI { public class SwaggerUIOptions { public string RoutePrefix { get; set; } = ""; } }
        namespace Swashbuckle.AspNetCore.ReDoc { public class ReDocOptions { public string RoutePrefix { get; set; } = ""; } }

        namespace Microsoft.AspNetCore.Builder
        {
            public static class SwaggerBuilderExtensions
            {
                public static IApplicationBuilder UseSwagger(this IApplicationBuilder app, System.Action<Swashbuckle.AspNetCore.Swagger.SwaggerOptions>? setupAction = null) => app;

                public static IEndpointConventionBuilder MapSwagger(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern = "/swagger/{documentName}/swagger.{json|yaml}")
                    => Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(endpoints, pattern, () => "");
            }

            public static class SwaggerUIBuilderExtensions
            {
                public static IApplicationBuilder UseSwaggerUI(this IApplicationBuilder app, System.Action<Swashbuckle.AspNetCore.SwaggerUI.SwaggerUIOptions>? setupAction = null) => app;
            }

            public static class ReDocBuilderExtensions
            {
                public static IApplicationBuilder UseReDoc(this IApplicationBuilder app, System.Action<Swashbuckle.AspNetCore.ReDoc.ReDocOptions>? setupAction = null) => app;
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class SwaggerGenServiceCollectionExtensions
            {
                public static IServiceCollection AddSwaggerGen(this IServiceCollection services) => services;
            }
        }
        """;

    public const string OpenApi = """
        namespace Microsoft.AspNetCore.Builder
        {
            public static class OpenApiEndpointRouteBuilderExtensions
            {
                public static IEndpointConventionBuilder MapOpenApi(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern = "/openapi/{documentName}.json")
                    => Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(endpoints, pattern, () => "");
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class OpenApiServiceCollectionExtensions
            {
                public static IServiceCollection AddOpenApi(this IServiceCollection services) => services;
            }
        }
        """;

    public const string Scalar = """
        namespace Scalar.AspNetCore
        {
            public class ScalarOptions { public string Title { get; set; } = ""; }

            public static class ScalarEndpointRouteBuilderExtensions
            {
                public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapScalarApiReference(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, System.Action<ScalarOptions>? configureOptions = null)
                    => Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(endpoints, "/scalar/{documentName}", () => "");
            }
        }
        """;

    public const string GrpcReflection = """
        namespace Grpc.AspNetCore.Server
        {
            public class GrpcServiceOptions { public bool? EnableDetailedErrors { get; set; } }
        }

        namespace Microsoft.AspNetCore.Builder
        {
            public sealed class GrpcServiceEndpointConventionBuilder : IEndpointConventionBuilder
            {
                public void Add(System.Action<EndpointBuilder> convention) { }
            }

            public static class GrpcReflectionEndpointRouteBuilderExtensions
            {
                public static GrpcServiceEndpointConventionBuilder MapGrpcReflectionService(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder builder) => new();
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class GrpcServicesExtensions
            {
                public static IServiceCollection AddGrpc(this IServiceCollection services, System.Action<Grpc.AspNetCore.Server.GrpcServiceOptions> configureOptions) => services;
            }

            public static class GrpcReflectionServiceExtensions
            {
                public static IServiceCollection AddGrpcReflection(this IServiceCollection services) => services;
            }
        }
        """;

    public const string EntityFramework = """
        namespace Microsoft.EntityFrameworkCore
        {
            public class DbContextOptions { }

            public class DbContext
            {
                public DbContext(DbContextOptions options) { }
            }

            public class DbContextOptionsBuilder
            {
                public virtual DbContextOptionsBuilder EnableSensitiveDataLogging(bool sensitiveDataLoggingEnabled = true) => this;

                public virtual DbContextOptionsBuilder EnableDetailedErrors(bool detailedErrorsEnabled = true) => this;
            }

            public class DbContextOptionsBuilder<TContext> : DbContextOptionsBuilder
                where TContext : DbContext
            {
                public new virtual DbContextOptionsBuilder<TContext> EnableSensitiveDataLogging(bool sensitiveDataLoggingEnabled = true) => this;

                public new virtual DbContextOptionsBuilder<TContext> EnableDetailedErrors(bool detailedErrorsEnabled = true) => this;
            }

            public static class SqlServerDbContextOptionsExtensions
            {
                public static DbContextOptionsBuilder UseSqlServer(this DbContextOptionsBuilder optionsBuilder, string? connectionString) => optionsBuilder;
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class EntityFrameworkServiceCollectionExtensions
            {
                public static IServiceCollection AddDbContext<TContext>(this IServiceCollection services, System.Action<Microsoft.EntityFrameworkCore.DbContextOptionsBuilder>? optionsAction = null)
                    where TContext : Microsoft.EntityFrameworkCore.DbContext => services;
            }
        }
        """;

    public const string JwtBearer = """
        namespace Microsoft.AspNetCore.Authentication.JwtBearer
        {
            public class JwtBearerOptions : Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions
            {
                public bool IncludeErrorDetails { get; set; } = true;

                public string? Authority { get; set; }
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class JwtBearerExtensions
            {
                public static Microsoft.AspNetCore.Authentication.AuthenticationBuilder AddJwtBearer(
                    this Microsoft.AspNetCore.Authentication.AuthenticationBuilder builder,
                    System.Action<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions> configureOptions) => builder;
            }
        }
        """;

    private static readonly ConcurrentDictionary<string, MetadataReference> Cache = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> AssemblyNames = new(StringComparer.Ordinal)
    {
        [Swashbuckle] = "Swashbuckle.AspNetCore.SwaggerUI",
        [OpenApi] = "Microsoft.AspNetCore.OpenApi",
        [Scalar] = "Scalar.AspNetCore",
        [GrpcReflection] = "Grpc.AspNetCore.Server.Reflection",
        [EntityFramework] = "Microsoft.EntityFrameworkCore",
        [JwtBearer] = "Microsoft.AspNetCore.Authentication.JwtBearer",
    };

    /// <summary>Adds the stand-ins as compiled references (the fixed states inherit them).</summary>
    public static ApiGuardTest<TAnalyzer, TCodeFix> WithPackages<TAnalyzer, TCodeFix>(this ApiGuardTest<TAnalyzer, TCodeFix> test, params string[] standIns)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        foreach (var source in standIns)
        {
            test.TestState.AdditionalReferences.Add(Cache.GetOrAdd(source, s => Compile(AssemblyNames[s], s)));
        }

        return test;
    }

    private static MetadataReference Compile(string assemblyName, string source)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
            TestReferences.Net80,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("The stand-in does not compile: " + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
