using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ApiGuard.Tests.Infrastructure;

/// <summary>
/// Stand-ins for third-party packages the registry here does not serve: assemblies with the package's assembly name, namespace
/// and type names, compiled once per run against the ASP.NET Core 8 reference pack. Tests reference them like the real package.
/// </summary>
public static class StandIns
{
    private static readonly ConcurrentDictionary<string, MetadataReference> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// AspNetCoreRateLimit's middleware extensions in the class <paramref name="extensionsClass"/>: <c>MiddlewareExtensions</c>
    /// and <c>StartupExtensions</c> (the package's own source), or <c>RateLimitExtensions</c> (older releases).
    /// </summary>
    public static MetadataReference AspNetCoreRateLimit(string extensionsClass = "MiddlewareExtensions")
        => Cache.GetOrAdd(extensionsClass, name => Compile("AspNetCoreRateLimit", AspNetCoreRateLimitSource(name)));

    /// <summary>The source of the AspNetCoreRateLimit stand-in, for tests that compile it into the app (a vendored copy).</summary>
    public static string AspNetCoreRateLimitSource(string extensionsClass = "MiddlewareExtensions") => $$"""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        namespace AspNetCoreRateLimit
        {
            public class IpRateLimitOptions
            {
                public bool EnableEndpointRateLimiting { get; set; }
            }

            public sealed class IpRateLimitMiddleware
            {
                private readonly RequestDelegate _next;

                public IpRateLimitMiddleware(RequestDelegate next) => _next = next;

                public System.Threading.Tasks.Task Invoke(HttpContext context) => _next(context);
            }

            public static class {{extensionsClass}}
            {
                public static IApplicationBuilder UseIpRateLimiting(this IApplicationBuilder builder) => builder.UseMiddleware<IpRateLimitMiddleware>();

                public static IApplicationBuilder UseClientRateLimiting(this IApplicationBuilder builder) => builder.UseMiddleware<IpRateLimitMiddleware>();
            }

            public static class ServiceCollectionExtensions
            {
                public static IServiceCollection AddInMemoryRateLimiting(this IServiceCollection services) => services;
            }
        }
        """;

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
