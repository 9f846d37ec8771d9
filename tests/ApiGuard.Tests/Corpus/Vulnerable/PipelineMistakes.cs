// expect: AG0102 AG0601 AG0701 AG0401 AG0101 AG0401
// A Startup-style app whose error pages leak outside Development, that never enables HSTS and that limits no request rate.
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddControllers();
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(180));
    }

    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
    {
        if (!env.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }

        if (env.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseDiagnosticsPages();
        app.UseRouting();
        app.UseEndpoints(endpoints => endpoints.MapControllers());
    }
}

public static class DiagnosticsPages
{
    public static IApplicationBuilder UseDiagnosticsPages(this IApplicationBuilder app) => app.UseDeveloperExceptionPage();
}
