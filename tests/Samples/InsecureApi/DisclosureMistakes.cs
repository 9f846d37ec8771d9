// Information-disclosure mistakes (AG04xx) that the insecure sample's app makes through these helpers.
internal static class DisclosureMistakes
{
    public static WebApplicationBuilder AddRealtime(this WebApplicationBuilder builder)
    {
        // AG0403: every exception a hub method throws is sent, message and all, to the calling client, in production too.
        builder.Services.AddSignalR(options => options.EnableDetailedErrors = true);
        return builder;
    }

    public static WebApplication UseDocumentation(this WebApplication app)
    {
        // AG0404: the OpenAPI document lists every endpoint, internal ones included, to anyone, in production too.
        app.UseSwagger();

        // AG0405: files with unknown extensions (backups, logs, exports left in wwwroot) are served to anyone.
        app.UseStaticFiles(new StaticFileOptions { ServeUnknownFileTypes = true });
        return app;
    }
}

// AG0402: when the app registers this handler, every unhandled exception's message goes to the client.
internal sealed class DetailedExceptionHandler : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await httpContext.Response.WriteAsJsonAsync(new { error = exception.Message }, cancellationToken);
        return true;
    }
}

namespace Microsoft.AspNetCore.Builder
{
    // Stands in for the Swashbuckle.AspNetCore package (same namespace, class and method), so that the sample needs no package.
    public static class SwaggerBuilderExtensions
    {
        public static IApplicationBuilder UseSwagger(this IApplicationBuilder app) => app;
    }
}
