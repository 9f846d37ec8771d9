using Xunit;

namespace ApiGuard.Tests.Rules.Transport;

public partial class AG0104HttpsMetadataDisabledTests
{
    [Fact]
    public Task Fix_Statement_RemovesIt()
        => VerifyFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
            {
                options.Authority = "https://login.example.com";
                {|AG0104:options.RequireHttpsMetadata = false|};
            });
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
            {
                options.Authority = "https://login.example.com";
            });
            """);

    [Fact]
    public Task Fix_ExpressionBodiedLambda_BecomesEmptyBlock()
        => VerifyFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(o => {|AG0104:o.RequireHttpsMetadata = false|});
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(o => { });
            """);

    [Fact]
    public Task Fix_InitializerMember_RemovesIt()
        => VerifyFixAsync("""
            using Microsoft.AspNetCore.Authentication.JwtBearer;

            var options = new JwtBearerOptions
            {
                Authority = "https://login.example.com",
                {|AG0104:RequireHttpsMetadata = false|},
            };
            """, """
            using Microsoft.AspNetCore.Authentication.JwtBearer;

            var options = new JwtBearerOptions
            {
                Authority = "https://login.example.com",
            };
            """);

    [Fact]
    public Task FixAll_JwtAndOpenIdConnect_RemovesBoth()
        => VerifyFixAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddAuthentication()
                        .AddJwtBearer(o =>
                        {
                            {|AG0104:o.RequireHttpsMetadata = false|};
                            o.Audience = "api";
                        })
                        .AddOpenIdConnect(o =>
                        {
                            o.ClientId = "web";
                            {|AG0104:o.RequireHttpsMetadata = false|};
                        });
                }
            }
            """, """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddAuthentication()
                        .AddJwtBearer(o =>
                        {
                            o.Audience = "api";
                        })
                        .AddOpenIdConnect(o =>
                        {
                            o.ClientId = "web";
                        });
                }
            }
            """);
}
