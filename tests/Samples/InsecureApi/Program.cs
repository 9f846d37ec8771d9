// A deliberately insecure API: every ApiGuard rule should find something here.
// `dotnet build tests/Samples/InsecureApi` shows the findings; the end-to-end tests check them.

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

// AG0101: the pipeline below never calls UseHsts() outside Development.
var app = builder.Build();

// AG0401: the developer exception page shows stack traces and configuration to every client, in production too.
app.UseDeveloperExceptionPage();

app.UseCors("Public");

// AG0301: anyone can read any order: nothing requires the caller to be signed in.
app.MapGet("/orders/{id:int}", (int id) => Results.Ok(new Order(id, "pending")))
    .RequireCors("Partners");

app.Run();

internal sealed record Order(int Id, string Status);
