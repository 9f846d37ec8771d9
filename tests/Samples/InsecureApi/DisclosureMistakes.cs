// Information-disclosure mistakes (AG04xx) that the insecure sample's app makes through these helpers.
internal static class DisclosureMistakes
{
    public static WebApplication UseDocumentation(this WebApplication app)
    {
        // AG0404: the OpenAPI document lists every endpoint, internal ones included, to anyone, in production too.
        app.UseSwagger();
        return app;
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
