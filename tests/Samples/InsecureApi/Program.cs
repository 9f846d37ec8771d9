// A deliberately insecure API: every ApiGuard rule should find something here.
// `dotnet build tests/Samples/InsecureApi` shows the findings; the end-to-end tests check them.
using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.Tokens;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddCors(options =>
{
    // AG0201: any website may read the API's responses.
    options.AddPolicy("Public", policy => policy.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader());

    // AG0202: every origin is reflected with credentials, so any website can act as the signed-in user.
    options.AddPolicy("Partners", policy => policy
        .SetIsOriginAllowed(_ => true)
        .AllowCredentials()
        .AllowAnyHeader());
});

// AG0602: the limiter and its "orders" policy are registered, but UseRateLimiter() is never called, so nothing is limited.
builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    options.AddFixedWindowLimiter("orders", limiter =>
    {
        limiter.PermitLimit = 100;
        limiter.Window = TimeSpan.FromMinutes(1);
    });
});

builder.Services.AddIdentityCore<IdentityUser>();
builder.AddRealtime();

// AG0501: the SMTP password is in the repository, the build logs and the compiled app, in every environment.
builder.Services.AddSingleton(new SmtpClient("smtp.example.com", 587)
{
    EnableSsl = true,
    Credentials = new NetworkCredential("orders@example.com", "Xk9#mQ2v-smtp"),
});

// AG0503: anyone with the code (or the compiled app) can sign tokens this API would accept.
builder.Services.AddSingleton(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("ThisIsMySuperSecretSigningKey-2024!")));

// AG0101: the pipeline below never calls UseHsts() outside Development.
// AG0102: nor UseHttpsRedirection(), so a client that starts on http:// sends its tokens in clear text (a suggestion by default).
// AG0701: no code sets X-Content-Type-Options, X-Frame-Options or a Content-Security-Policy.
var app = builder.Build();

// AG0401: the developer exception page shows stack traces and configuration to every client, in production too.
app.UseDeveloperExceptionPage();

app.UseCors("Public");
app.UseDocumentation();

// AG0301: anyone can read any order: nothing requires the caller to be signed in.
app.MapGet("/orders/{id:int}", (int id) => Results.Ok(new Order(id, "pending")))
    .RequireCors("Partners")
    // AG0603: the policy above is called "orders"; no policy named "order" exists.
    .RequireRateLimiting("order");

// The internal admin API listens on its own port and is still configured through a Startup class (AdminStartup below).
using var admin = Host.CreateDefaultBuilder(args)
    .ConfigureWebHostDefaults(web => web.UseStartup<AdminStartup>().UseUrls("http://localhost:5100"))
    .Build();
await admin.StartAsync();

await SeedAdministratorAsync(app.Services);

app.Run();

// AG0502: the seeded administrator's password is the first one attackers try.
static async Task SeedAdministratorAsync(IServiceProvider services)
{
    using var scope = services.CreateScope();
    var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
    if (await users.FindByNameAsync("admin") is null)
    {
        await users.CreateAsync(new IdentityUser("admin"), "admin123");
    }
}

internal sealed record Order(int Id, string Status);

internal sealed class AdminStartup
{
    // AG0306 (on UseAuthorization below): the cookie scheme is registered, but Configure never calls UseAuthentication(), so no admin is ever signed in.
    public void ConfigureServices(IServiceCollection services) => services.AddRouting().AddAuthorization().AddAuthentication("Cookies").AddCookie();

    // AG0601: the admin endpoints are mapped, and nothing limits how often anyone can call them.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "AG0701:Set security headers on responses", Justification = "The internal gateway in front of the admin port adds the security headers.")]
    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
    {
        if (!env.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseHttpsRedirection();
        app.UseRouting();
        app.UseAuthorization();
        app.UseEndpoints(endpoints => endpoints.MapGet("/admin/stats", () => Results.Ok(new { PendingOrders = 42 })).RequireAuthorization());
    }
}

namespace Microsoft.IdentityModel.Tokens
{
    // Stands in for the Microsoft.IdentityModel.Tokens package (which JwtBearer brings), so that the sample needs no package.
    public abstract class SecurityKey
    {
    }

    public sealed class SymmetricSecurityKey(byte[] key) : SecurityKey
    {
        public byte[] Key { get; } = key;
    }
}
