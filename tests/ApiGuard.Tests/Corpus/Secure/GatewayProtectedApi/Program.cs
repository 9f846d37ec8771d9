// An internal inventory service behind the API gateway (see .globalconfig): the gateway terminates TLS, adds HSTS and limits
// the request rate, so the service itself has no UseHsts() and no rate limiter. Generic host with a Startup class.
namespace Contoso.Inventory;

public static class Program
{
    public static void Main(string[] args)
        => Host.CreateDefaultBuilder(args)
            .ConfigureWebHostDefaults(web => web.UseStartup<Startup>())
            .Build()
            .Run();
}
