using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ApiGuard.Analyzers.Infrastructure;

/// <summary>
/// The framework types ApiGuard matches, by metadata name. The enum and <see cref="KnownTypes.MetadataNames"/> run in parallel:
/// add a member to both, at the same position.
/// </summary>
internal enum KnownType
{
    // Hosting and the pipeline (the anchors: without one of these, the compilation is not an ASP.NET Core app).
    Microsoft_AspNetCore_Builder_IApplicationBuilder,
    Microsoft_AspNetCore_Builder_WebApplication,
    Microsoft_AspNetCore_Builder_WebApplicationBuilder,
    Microsoft_Extensions_DependencyInjection_IServiceCollection,
    Microsoft_AspNetCore_Routing_IEndpointRouteBuilder,
    Microsoft_AspNetCore_Builder_IEndpointConventionBuilder,
    Microsoft_Extensions_Hosting_IHostApplicationBuilder,
    Microsoft_AspNetCore_Builder_UseWhenExtensions,
    Microsoft_AspNetCore_Builder_MapWhenExtensions,
    Microsoft_AspNetCore_Builder_MapExtensions,
    Microsoft_AspNetCore_Http_RequestDelegate,

    // Transport.
    Microsoft_AspNetCore_Builder_HstsBuilderExtensions,
    Microsoft_AspNetCore_Builder_HstsServicesExtensions,
    Microsoft_AspNetCore_Builder_HttpsPolicyBuilderExtensions,

    // Authorization and endpoints (AG03xx).
    Microsoft_AspNetCore_Authorization_IAuthorizeData,
    Microsoft_AspNetCore_Authorization_IAllowAnonymous,
    Microsoft_AspNetCore_Authorization_AuthorizationOptions,
    Microsoft_AspNetCore_Authorization_AuthorizationBuilder,
    Microsoft_AspNetCore_Authorization_IAuthorizationPolicyProvider,
    Microsoft_Extensions_DependencyInjection_PolicyServiceCollectionExtensions,
    Microsoft_Extensions_DependencyInjection_AuthorizationServiceCollectionExtensions,
    Microsoft_AspNetCore_Builder_AuthorizationEndpointConventionBuilderExtensions,
    Microsoft_AspNetCore_Builder_EndpointRouteBuilderExtensions,
    Microsoft_AspNetCore_Routing_RouteGroupBuilder,
    Microsoft_AspNetCore_Builder_EndpointRoutingApplicationBuilderExtensions,
    Microsoft_AspNetCore_Builder_RoutingEndpointConventionBuilderExtensions,
    Microsoft_AspNetCore_Builder_ControllerEndpointRouteBuilderExtensions,
    Microsoft_AspNetCore_Builder_MvcApplicationBuilderExtensions,
    Microsoft_AspNetCore_Builder_RazorPagesEndpointRouteBuilderExtensions,
    Microsoft_AspNetCore_Builder_HubEndpointRouteBuilderExtensions,
    Microsoft_AspNetCore_Builder_GrpcEndpointRouteBuilderExtensions,
    Microsoft_AspNetCore_Mvc_ControllerBase,
    Microsoft_AspNetCore_Mvc_ControllerAttribute,
    Microsoft_AspNetCore_Mvc_NonControllerAttribute,
    Microsoft_AspNetCore_Mvc_NonActionAttribute,
    Microsoft_AspNetCore_Mvc_MvcOptions,
    Microsoft_AspNetCore_Mvc_Filters_FilterCollection,
    Microsoft_AspNetCore_Mvc_Filters_IAuthorizationFilter,
    Microsoft_AspNetCore_Mvc_Filters_IAsyncAuthorizationFilter,
    Microsoft_AspNetCore_Mvc_Authorization_AuthorizeFilter,
    Microsoft_AspNetCore_Mvc_Authorization_IAllowAnonymousFilter,
    Microsoft_AspNetCore_Mvc_TypeFilterAttribute,
    Microsoft_AspNetCore_Mvc_ServiceFilterAttribute,
    Microsoft_AspNetCore_Mvc_RazorPages_PageModel,
    Microsoft_AspNetCore_Mvc_RazorPages_NonHandlerAttribute,
    Microsoft_AspNetCore_Mvc_RazorPages_RazorPagesOptions,
    Microsoft_AspNetCore_Mvc_ApplicationModels_PageConventionCollection,
    Microsoft_Extensions_DependencyInjection_PageConventionCollectionExtensions,
    Microsoft_AspNetCore_SignalR_Hub,

    // Error handling.
    Microsoft_AspNetCore_Builder_DeveloperExceptionPageExtensions,
    Microsoft_AspNetCore_Builder_ExceptionHandlerExtensions,
    Microsoft_AspNetCore_Builder_DatabaseErrorPageExtensions,
    Microsoft_AspNetCore_Builder_MigrationsEndPointExtensions,

    // Rate limiting.
    Microsoft_AspNetCore_Builder_RateLimiterServiceCollectionExtensions,
    Microsoft_AspNetCore_Builder_RateLimiterApplicationBuilderExtensions,
    Microsoft_AspNetCore_Builder_RateLimiterEndpointConventionBuilderExtensions,
    Microsoft_AspNetCore_RateLimiting_RateLimiterOptions,
    Microsoft_AspNetCore_RateLimiting_RateLimiterOptionsExtensions,
    Microsoft_AspNetCore_RateLimiting_EnableRateLimitingAttribute,
    Microsoft_AspNetCore_RateLimiting_DisableRateLimitingAttribute,

    // Third-party rate limiters: AspNetCoreRateLimit's UseIpRateLimiting/UseClientRateLimiting, in the classes its versions used.
    AspNetCoreRateLimit_MiddlewareExtensions,
    AspNetCoreRateLimit_StartupExtensions,
    AspNetCoreRateLimit_RateLimitExtensions,

    // Environments.
    Microsoft_Extensions_Hosting_IHostEnvironment,
    Microsoft_Extensions_Hosting_HostEnvironmentEnvExtensions,
    Microsoft_AspNetCore_Hosting_IWebHostEnvironment,
    Microsoft_AspNetCore_Hosting_HostingEnvironmentExtensions,
    Microsoft_Extensions_Hosting_HostingEnvironmentExtensions,
    Microsoft_Extensions_Hosting_Environments,

    // Configuration.
    Microsoft_Extensions_Configuration_IConfiguration,
    Microsoft_Extensions_Configuration_ConfigurationBinder,

    // CORS.
    Microsoft_AspNetCore_Cors_Infrastructure_CorsPolicyBuilder,
    Microsoft_AspNetCore_Cors_Infrastructure_CorsPolicy,
    Microsoft_AspNetCore_Cors_Infrastructure_CorsOptions,

    // Secrets.
    Microsoft_AspNetCore_Authentication_RemoteAuthenticationOptions,
    Microsoft_IdentityModel_Tokens_SymmetricSecurityKey,
    System_Text_Encoding,
    System_Convert,

    // Transport (AG0102 to AG0105).
    Microsoft_AspNetCore_Mvc_RequireHttpsAttribute,
    System_Net_Http_HttpClientHandler,
    System_Net_Security_SslClientAuthenticationOptions,
    System_Net_ServicePointManager,
    System_Net_Security_SslStream,
    Microsoft_AspNetCore_Authentication_JwtBearer_JwtBearerOptions,
    Microsoft_AspNetCore_Authentication_OpenIdConnect_OpenIdConnectOptions,
    Microsoft_AspNetCore_Builder_ForwardedHeadersOptions,
    // Information disclosure (AG0402-AG0405).
    Microsoft_AspNetCore_Builder_SwaggerBuilderExtensions,
    Microsoft_AspNetCore_Builder_SwaggerUIBuilderExtensions,
    Microsoft_AspNetCore_Builder_ReDocBuilderExtensions,
    Microsoft_AspNetCore_Builder_OpenApiEndpointRouteBuilderExtensions,
    Scalar_AspNetCore_ScalarEndpointRouteBuilderExtensions,
    Scalar_AspNetCore_OpenApiEndpointRouteBuilderExtensions,
    Microsoft_AspNetCore_Builder_GrpcReflectionEndpointRouteBuilderExtensions,
    Microsoft_EntityFrameworkCore_DbContextOptionsBuilder,
    Microsoft_AspNetCore_SignalR_HubOptions,
    Microsoft_AspNetCore_Components_Server_CircuitOptions,
    Grpc_AspNetCore_Server_GrpcServiceOptions,
    Microsoft_AspNetCore_Builder_DirectoryBrowserExtensions,
    Microsoft_Extensions_DependencyInjection_DirectoryBrowserServiceExtensions,
    Microsoft_AspNetCore_Builder_StaticFileOptions,
    Microsoft_AspNetCore_Builder_FileServerOptions,
    Microsoft_AspNetCore_Builder_FileServerExtensions,
    System_Exception,
    Microsoft_AspNetCore_Http_Results,
    Microsoft_AspNetCore_Http_TypedResults,
    Microsoft_AspNetCore_Mvc_ProblemDetails,
    Microsoft_AspNetCore_Mvc_ObjectResult,
    Microsoft_AspNetCore_Mvc_ContentResult,
    Microsoft_AspNetCore_Http_HttpResponse,
    Microsoft_AspNetCore_Http_HttpResponseWritingExtensions,
    Microsoft_AspNetCore_Http_HttpResponseJsonExtensions,
    Microsoft_AspNetCore_Diagnostics_IExceptionHandler,
    Microsoft_AspNetCore_Diagnostics_IExceptionHandlerFeature,
    Microsoft_AspNetCore_Mvc_Filters_IExceptionFilter,
    Microsoft_AspNetCore_Mvc_Filters_IAsyncExceptionFilter,
    Microsoft_AspNetCore_Mvc_Filters_ExceptionContext,
    Microsoft_Extensions_Logging_ILogger,
    Microsoft_AspNetCore_Http_HttpContext,
    // Headers and cookies (AG07xx).
    Microsoft_AspNetCore_Http_CookieOptions,
    Microsoft_AspNetCore_Http_CookieBuilder,
    Microsoft_AspNetCore_Http_CookieSecurePolicy,
    Microsoft_AspNetCore_Http_SameSiteMode,
    Microsoft_AspNetCore_Builder_CookiePolicyOptions,
    Microsoft_AspNetCore_CookiePolicy_HttpOnlyPolicy,
    Microsoft_AspNetCore_Http_IResponseCookies,
    Microsoft_AspNetCore_Http_IHeaderDictionary,
    Microsoft_Net_Http_Headers_HeaderNames,

    // Third-party security headers: NetEscapades' UseSecurityHeaders. (NWebsec's class, Microsoft.AspNetCore.Builder.ApplicationBuilderExtensions,
    // shares its name with a framework class, so SecurityHeaderWrites matches it by assembly.)
    Microsoft_AspNetCore_Builder_SecurityHeadersMiddlewareExtensions,
    // Authentication, authorization policies, Identity and antiforgery (AG0303–AG0306).
    Microsoft_AspNetCore_Builder_AuthAppBuilderExtensions,
    Microsoft_AspNetCore_Builder_AuthorizationAppBuilderExtensions,
    Microsoft_AspNetCore_Builder_CorsMiddlewareExtensions,
    Microsoft_Extensions_DependencyInjection_AuthenticationServiceCollectionExtensions,
    Microsoft_AspNetCore_Authentication_AuthenticationBuilder,
    Microsoft_AspNetCore_Identity_IdentityBuilder,
    Microsoft_Extensions_DependencyInjection_CookieExtensions,
    Microsoft_AspNetCore_Identity_IdentityCookieAuthenticationBuilderExtensions,
    Microsoft_AspNetCore_Authorization_AuthorizationPolicyBuilder,
    Microsoft_AspNetCore_Authorization_AuthorizationPolicy,
    Microsoft_AspNetCore_Identity_PasswordOptions,
    Microsoft_AspNetCore_Identity_LockoutOptions,
    Microsoft_AspNetCore_Identity_SignInManager_1,
    Microsoft_AspNetCore_Mvc_IgnoreAntiforgeryTokenAttribute,
    Microsoft_AspNetCore_Mvc_FromFormAttribute,
    Microsoft_AspNetCore_Http_IFormFile,
    Microsoft_AspNetCore_Http_IFormFileCollection,
    Microsoft_AspNetCore_Http_IFormCollection,
    // Token validation (AG0302, AG0307).
    Microsoft_IdentityModel_Tokens_TokenValidationParameters,
    Microsoft_IdentityModel_Tokens_SecurityToken,

    // Request size limits (AG0605).
    Microsoft_AspNetCore_Mvc_DisableRequestSizeLimitAttribute,
    Microsoft_AspNetCore_Mvc_RequestSizeLimitAttribute,
    Microsoft_AspNetCore_Mvc_RequestFormLimitsAttribute,
    Microsoft_AspNetCore_Server_Kestrel_Core_KestrelServerLimits,
    Microsoft_AspNetCore_Builder_IISServerOptions,
    Microsoft_AspNetCore_Http_Features_IHttpMaxRequestBodySizeFeature,
    Microsoft_AspNetCore_Http_Features_FormOptions,
    Microsoft_AspNetCore_Server_HttpSys_HttpSysOptions,

    // Sign-in endpoints (AG0604).
    Microsoft_AspNetCore_Identity_UserManager_1,
    Microsoft_AspNetCore_Routing_IdentityApiEndpointRouteBuilderExtensions,
    Microsoft_AspNetCore_Mvc_Routing_IRouteTemplateProvider,
}

/// <summary>
/// Resolves <see cref="KnownType"/>s lazily, once per compilation. One instance per <see cref="Compilation"/> (weak-keyed),
/// shared by every ApiGuard analyzer. This is the only place that may call <c>GetTypeByMetadataName</c> (BannedSymbols.txt).
/// </summary>
internal sealed class KnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, KnownTypes> Cache = new();

    /// <summary>Metadata names, indexed by <see cref="KnownType"/>.</summary>
    internal static readonly string[] MetadataNames =
    {
        "Microsoft.AspNetCore.Builder.IApplicationBuilder",
        "Microsoft.AspNetCore.Builder.WebApplication",
        "Microsoft.AspNetCore.Builder.WebApplicationBuilder",
        "Microsoft.Extensions.DependencyInjection.IServiceCollection",
        "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder",
        "Microsoft.AspNetCore.Builder.IEndpointConventionBuilder",
        "Microsoft.Extensions.Hosting.IHostApplicationBuilder",
        "Microsoft.AspNetCore.Builder.UseWhenExtensions",
        "Microsoft.AspNetCore.Builder.MapWhenExtensions",
        "Microsoft.AspNetCore.Builder.MapExtensions",
        "Microsoft.AspNetCore.Http.RequestDelegate",

        "Microsoft.AspNetCore.Builder.HstsBuilderExtensions",
        "Microsoft.AspNetCore.Builder.HstsServicesExtensions",
        "Microsoft.AspNetCore.Builder.HttpsPolicyBuilderExtensions",

        "Microsoft.AspNetCore.Authorization.IAuthorizeData",
        "Microsoft.AspNetCore.Authorization.IAllowAnonymous",
        "Microsoft.AspNetCore.Authorization.AuthorizationOptions",
        "Microsoft.AspNetCore.Authorization.AuthorizationBuilder",
        "Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider",
        "Microsoft.Extensions.DependencyInjection.PolicyServiceCollectionExtensions",
        "Microsoft.Extensions.DependencyInjection.AuthorizationServiceCollectionExtensions",
        "Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions",
        "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions",
        "Microsoft.AspNetCore.Routing.RouteGroupBuilder",
        "Microsoft.AspNetCore.Builder.EndpointRoutingApplicationBuilderExtensions",
        "Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions",
        "Microsoft.AspNetCore.Builder.ControllerEndpointRouteBuilderExtensions",
        "Microsoft.AspNetCore.Builder.MvcApplicationBuilderExtensions",
        "Microsoft.AspNetCore.Builder.RazorPagesEndpointRouteBuilderExtensions",
        "Microsoft.AspNetCore.Builder.HubEndpointRouteBuilderExtensions",
        "Microsoft.AspNetCore.Builder.GrpcEndpointRouteBuilderExtensions",
        "Microsoft.AspNetCore.Mvc.ControllerBase",
        "Microsoft.AspNetCore.Mvc.ControllerAttribute",
        "Microsoft.AspNetCore.Mvc.NonControllerAttribute",
        "Microsoft.AspNetCore.Mvc.NonActionAttribute",
        "Microsoft.AspNetCore.Mvc.MvcOptions",
        "Microsoft.AspNetCore.Mvc.Filters.FilterCollection",
        "Microsoft.AspNetCore.Mvc.Filters.IAuthorizationFilter",
        "Microsoft.AspNetCore.Mvc.Filters.IAsyncAuthorizationFilter",
        "Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter",
        "Microsoft.AspNetCore.Mvc.Authorization.IAllowAnonymousFilter",
        "Microsoft.AspNetCore.Mvc.TypeFilterAttribute",
        "Microsoft.AspNetCore.Mvc.ServiceFilterAttribute",
        "Microsoft.AspNetCore.Mvc.RazorPages.PageModel",
        "Microsoft.AspNetCore.Mvc.RazorPages.NonHandlerAttribute",
        "Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions",
        "Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection",
        "Microsoft.Extensions.DependencyInjection.PageConventionCollectionExtensions",
        "Microsoft.AspNetCore.SignalR.Hub",

        "Microsoft.AspNetCore.Builder.DeveloperExceptionPageExtensions",
        "Microsoft.AspNetCore.Builder.ExceptionHandlerExtensions",
        "Microsoft.AspNetCore.Builder.DatabaseErrorPageExtensions",
        "Microsoft.AspNetCore.Builder.MigrationsEndPointExtensions",

        "Microsoft.AspNetCore.Builder.RateLimiterServiceCollectionExtensions",
        "Microsoft.AspNetCore.Builder.RateLimiterApplicationBuilderExtensions",
        "Microsoft.AspNetCore.Builder.RateLimiterEndpointConventionBuilderExtensions",
        "Microsoft.AspNetCore.RateLimiting.RateLimiterOptions",
        "Microsoft.AspNetCore.RateLimiting.RateLimiterOptionsExtensions",
        "Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute",
        "Microsoft.AspNetCore.RateLimiting.DisableRateLimitingAttribute",

        "AspNetCoreRateLimit.MiddlewareExtensions",
        "AspNetCoreRateLimit.StartupExtensions",
        "AspNetCoreRateLimit.RateLimitExtensions",

        "Microsoft.Extensions.Hosting.IHostEnvironment",
        "Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions",
        "Microsoft.AspNetCore.Hosting.IWebHostEnvironment",
        "Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions",
        "Microsoft.Extensions.Hosting.HostingEnvironmentExtensions",
        "Microsoft.Extensions.Hosting.Environments",

        "Microsoft.Extensions.Configuration.IConfiguration",
        "Microsoft.Extensions.Configuration.ConfigurationBinder",

        "Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder",
        "Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy",
        "Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions",

        "Microsoft.AspNetCore.Authentication.RemoteAuthenticationOptions",
        "Microsoft.IdentityModel.Tokens.SymmetricSecurityKey",
        "System.Text.Encoding",
        "System.Convert",

        "Microsoft.AspNetCore.Mvc.RequireHttpsAttribute",
        "System.Net.Http.HttpClientHandler",
        "System.Net.Security.SslClientAuthenticationOptions",
        "System.Net.ServicePointManager",
        "System.Net.Security.SslStream",
        "Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions",
        "Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions",
        "Microsoft.AspNetCore.Builder.ForwardedHeadersOptions",
        "Microsoft.AspNetCore.Builder.SwaggerBuilderExtensions",
        "Microsoft.AspNetCore.Builder.SwaggerUIBuilderExtensions",
        "Microsoft.AspNetCore.Builder.ReDocBuilderExtensions",
        "Microsoft.AspNetCore.Builder.OpenApiEndpointRouteBuilderExtensions",
        "Scalar.AspNetCore.ScalarEndpointRouteBuilderExtensions",
        "Scalar.AspNetCore.OpenApiEndpointRouteBuilderExtensions",
        "Microsoft.AspNetCore.Builder.GrpcReflectionEndpointRouteBuilderExtensions",
        "Microsoft.EntityFrameworkCore.DbContextOptionsBuilder",
        "Microsoft.AspNetCore.SignalR.HubOptions",
        "Microsoft.AspNetCore.Components.Server.CircuitOptions",
        "Grpc.AspNetCore.Server.GrpcServiceOptions",
        "Microsoft.AspNetCore.Builder.DirectoryBrowserExtensions",
        "Microsoft.Extensions.DependencyInjection.DirectoryBrowserServiceExtensions",
        "Microsoft.AspNetCore.Builder.StaticFileOptions",
        "Microsoft.AspNetCore.Builder.FileServerOptions",
        "Microsoft.AspNetCore.Builder.FileServerExtensions",
        "System.Exception",
        "Microsoft.AspNetCore.Http.Results",
        "Microsoft.AspNetCore.Http.TypedResults",
        "Microsoft.AspNetCore.Mvc.ProblemDetails",
        "Microsoft.AspNetCore.Mvc.ObjectResult",
        "Microsoft.AspNetCore.Mvc.ContentResult",
        "Microsoft.AspNetCore.Http.HttpResponse",
        "Microsoft.AspNetCore.Http.HttpResponseWritingExtensions",
        "Microsoft.AspNetCore.Http.HttpResponseJsonExtensions",
        "Microsoft.AspNetCore.Diagnostics.IExceptionHandler",
        "Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature",
        "Microsoft.AspNetCore.Mvc.Filters.IExceptionFilter",
        "Microsoft.AspNetCore.Mvc.Filters.IAsyncExceptionFilter",
        "Microsoft.AspNetCore.Mvc.Filters.ExceptionContext",
        "Microsoft.Extensions.Logging.ILogger",
        "Microsoft.AspNetCore.Http.HttpContext",
        "Microsoft.AspNetCore.Http.CookieOptions",
        "Microsoft.AspNetCore.Http.CookieBuilder",
        "Microsoft.AspNetCore.Http.CookieSecurePolicy",
        "Microsoft.AspNetCore.Http.SameSiteMode",
        "Microsoft.AspNetCore.Builder.CookiePolicyOptions",
        "Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy",
        "Microsoft.AspNetCore.Http.IResponseCookies",
        "Microsoft.AspNetCore.Http.IHeaderDictionary",
        "Microsoft.Net.Http.Headers.HeaderNames",

        "Microsoft.AspNetCore.Builder.SecurityHeadersMiddlewareExtensions",
        "Microsoft.AspNetCore.Builder.AuthAppBuilderExtensions",
        "Microsoft.AspNetCore.Builder.AuthorizationAppBuilderExtensions",
        "Microsoft.AspNetCore.Builder.CorsMiddlewareExtensions",
        "Microsoft.Extensions.DependencyInjection.AuthenticationServiceCollectionExtensions",
        "Microsoft.AspNetCore.Authentication.AuthenticationBuilder",
        "Microsoft.AspNetCore.Identity.IdentityBuilder",
        "Microsoft.Extensions.DependencyInjection.CookieExtensions",
        "Microsoft.AspNetCore.Identity.IdentityCookieAuthenticationBuilderExtensions",
        "Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder",
        "Microsoft.AspNetCore.Authorization.AuthorizationPolicy",
        "Microsoft.AspNetCore.Identity.PasswordOptions",
        "Microsoft.AspNetCore.Identity.LockoutOptions",
        "Microsoft.AspNetCore.Identity.SignInManager`1",
        "Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute",
        "Microsoft.AspNetCore.Mvc.FromFormAttribute",
        "Microsoft.AspNetCore.Http.IFormFile",
        "Microsoft.AspNetCore.Http.IFormFileCollection",
        "Microsoft.AspNetCore.Http.IFormCollection",
        "Microsoft.IdentityModel.Tokens.TokenValidationParameters",
        "Microsoft.IdentityModel.Tokens.SecurityToken",

        "Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute",
        "Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute",
        "Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute",
        "Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerLimits",
        "Microsoft.AspNetCore.Builder.IISServerOptions",
        "Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature",
        "Microsoft.AspNetCore.Http.Features.FormOptions",
        "Microsoft.AspNetCore.Server.HttpSys.HttpSysOptions",

        "Microsoft.AspNetCore.Identity.UserManager`1",
        "Microsoft.AspNetCore.Routing.IdentityApiEndpointRouteBuilderExtensions",
        "Microsoft.AspNetCore.Mvc.Routing.IRouteTemplateProvider",
    };

    /// <summary>Types that come from NuGet packages rather than the ASP.NET Core shared framework (absent from most compilations).</summary>
    internal static readonly ImmutableHashSet<KnownType> FromPackages = ImmutableHashSet.Create(
        KnownType.Microsoft_AspNetCore_Builder_DatabaseErrorPageExtensions,
        KnownType.Microsoft_AspNetCore_Builder_MigrationsEndPointExtensions,
        KnownType.AspNetCoreRateLimit_MiddlewareExtensions,
        KnownType.AspNetCoreRateLimit_StartupExtensions,
        KnownType.AspNetCoreRateLimit_RateLimitExtensions,
        KnownType.Microsoft_IdentityModel_Tokens_SymmetricSecurityKey,
        KnownType.Microsoft_AspNetCore_Builder_GrpcEndpointRouteBuilderExtensions,
        KnownType.Microsoft_AspNetCore_Authentication_JwtBearer_JwtBearerOptions,
        KnownType.Microsoft_AspNetCore_Authentication_OpenIdConnect_OpenIdConnectOptions,
        KnownType.Microsoft_AspNetCore_Builder_SwaggerBuilderExtensions,
        KnownType.Microsoft_AspNetCore_Builder_SwaggerUIBuilderExtensions,
        KnownType.Microsoft_AspNetCore_Builder_ReDocBuilderExtensions,
        KnownType.Microsoft_AspNetCore_Builder_OpenApiEndpointRouteBuilderExtensions,
        KnownType.Scalar_AspNetCore_ScalarEndpointRouteBuilderExtensions,
        KnownType.Scalar_AspNetCore_OpenApiEndpointRouteBuilderExtensions,
        KnownType.Microsoft_AspNetCore_Builder_GrpcReflectionEndpointRouteBuilderExtensions,
        KnownType.Microsoft_EntityFrameworkCore_DbContextOptionsBuilder,
        KnownType.Grpc_AspNetCore_Server_GrpcServiceOptions,
        KnownType.Microsoft_AspNetCore_Builder_SecurityHeadersMiddlewareExtensions,
        KnownType.Microsoft_IdentityModel_Tokens_TokenValidationParameters,
        KnownType.Microsoft_IdentityModel_Tokens_SecurityToken);

    private static readonly object Unresolved = new();

    private readonly Compilation _compilation;
    private readonly object?[] _types;

    /// <summary>Which types implement which known interfaces: asked for every attribute, parameter and receiver, and <c>AllInterfaces</c> allocates.</summary>
    private readonly ConcurrentDictionary<(ITypeSymbol Type, KnownType Interface), bool> _implements = new(SymbolKeyComparer<ITypeSymbol, KnownType>.Instance);

    private KnownTypes(Compilation compilation)
    {
        _compilation = compilation;
        _types = new object?[MetadataNames.Length];
        for (var i = 0; i < _types.Length; i++)
        {
            _types[i] = Unresolved;
        }
    }

    static KnownTypes()
    {
        Debug.Assert(
            MetadataNames.Length == Enum.GetValues(typeof(KnownType)).Length
            && Enum.GetValues(typeof(KnownType)).Cast<KnownType>().All(t => MetadataNames[(int)t].Replace('.', '_').Replace('`', '_') == t.ToString()),
            "KnownType and KnownTypes.MetadataNames must run in parallel.");
    }

    public static KnownTypes GetOrCreate(Compilation compilation) => Cache.GetValue(compilation, static c => new KnownTypes(c));

    /// <summary>Whether the compilation references ASP.NET Core hosting at all (the anchor every rule checks first).</summary>
    public bool IsAspNetCoreApp =>
        Get(KnownType.Microsoft_AspNetCore_Builder_IApplicationBuilder) is not null
        || Get(KnownType.Microsoft_AspNetCore_Builder_WebApplication) is not null;

    /// <summary>The type, or null when the compilation does not reference it.</summary>
    public INamedTypeSymbol? Get(KnownType type)
    {
        var index = (int)type;
        var value = Volatile.Read(ref _types[index]);
        if (!ReferenceEquals(value, Unresolved))
        {
            return (INamedTypeSymbol?)value;
        }

        var resolved = Resolve(MetadataNames[index]);
        Interlocked.CompareExchange(ref _types[index], resolved, Unresolved);
        return (INamedTypeSymbol?)Volatile.Read(ref _types[index]);
    }

    /// <summary>Whether <paramref name="symbol"/> is exactly the known type (no inheritance).</summary>
    public bool IsType(ITypeSymbol? symbol, KnownType type)
        => symbol is not null && SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, Get(type));

    /// <summary>Whether <paramref name="symbol"/> is, derives from or implements the known type.</summary>
    public bool IsOrInherits(ITypeSymbol? symbol, KnownType type)
    {
        var target = Get(type);
        if (symbol is null || target is null)
        {
            return false;
        }

        if (target.TypeKind == TypeKind.Interface)
        {
            if (SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, target))
            {
                return true;
            }

            var key = (symbol, type);
            if (!_implements.TryGetValue(key, out var implements))
            {
                implements = symbol.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, target));
                _implements.TryAdd(key, implements);
            }

            return implements;
        }

        for (var current = symbol; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="method"/> is a member named <paramref name="name"/> declared on the known type.</summary>
    public bool IsMethod(IMethodSymbol? method, KnownType containingType, string name)
    {
        if (method is null || method.Name != name)
        {
            return false;
        }

        var original = method.ReducedFrom ?? method;
        return IsType(original.ContainingType, containingType);
    }

    private INamedTypeSymbol? Resolve(string metadataName)
    {
#pragma warning disable RS0030 // This is the one place allowed to look types up by name.
        var type = _compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
        if (type is not null)
        {
            return type;
        }

        // Ambiguous: another assembly declares the same name. Types the compilation cannot see do not count (the framework has
        // internal twins, e.g. Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions), and the framework's own assembly wins
        // over a user's or third party's.
        INamedTypeSymbol? framework = null;
        foreach (var candidate in _compilation.GetTypesByMetadataName(metadataName))
        {
            if (!_compilation.IsSymbolAccessibleWithin(candidate, _compilation.Assembly))
            {
                continue;
            }

            var assembly = candidate.ContainingAssembly?.Name ?? string.Empty;
            if (assembly.StartsWith("Microsoft.", StringComparison.Ordinal) || assembly.StartsWith("System.", StringComparison.Ordinal))
            {
                if (framework is not null)
                {
                    return null;
                }

                framework = candidate;
            }
        }

        return framework;
    }
}
