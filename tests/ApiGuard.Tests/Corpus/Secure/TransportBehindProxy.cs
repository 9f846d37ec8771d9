// An API behind a load balancer that talks to a partner over mutual TLS: the load balancer's addresses come from configuration,
// the partner's certificate is pinned on top of the normal checks, a local backend with a self-signed certificate is trusted in
// Development only, and the pipeline redirects to HTTPS and sends HSTS outside Development.
using System.Net;
using System.Net.Security;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    options.KnownIPNetworks.Clear();
    options.KnownProxies.Clear();
    foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? Array.Empty<string>())
    {
        options.KnownProxies.Add(IPAddress.Parse(proxy));
    }
});

var pinnedThumbprint = builder.Configuration["Partner:CertificateThumbprint"];
builder.Services.AddHttpClient("partner").ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
{
    SslOptions =
    {
        RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None
            && certificate is not null
            && string.Equals(certificate.GetCertHashString(), pinnedThumbprint, StringComparison.OrdinalIgnoreCase),
    },
});

var backend = builder.Services.AddHttpClient("backend");
if (builder.Environment.IsDevelopment())
{
    // The local backend container uses a self-signed development certificate.
    backend.ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    });
}

builder.Services.AddAuthorization();
builder.Services.AddRateLimiter(options => options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
    RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) })));

var app = builder.Build();

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseHttpsRedirection();
app.Use((context, next) =>
{
    context.Response.Headers.XContentTypeOptions = "nosniff";
    context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
    return next(context);
});
app.UseAuthorization();
app.UseRateLimiter();

app.MapGet("/quotes/{id:int}", async (int id, IHttpClientFactory clients) =>
    Results.Ok(await clients.CreateClient("partner").GetStringAsync($"https://partner.example/quotes/{id}"))).RequireAuthorization();

app.Run();
