using Microsoft.AspNetCore.RateLimiting;

namespace Contoso.Shop;

public static class ShopEndpoints
{
    public static IEndpointRouteBuilder MapShopEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireRateLimiting("api");
        api.MapGet("/products", () => Results.Ok(Array.Empty<Product>()));
        api.MapGet("/products/{id:int}", (int id) => Results.Ok(new Product(id, "Sample", 9.99m)));
        api.MapPost("/checkout", [EnableRateLimiting(RateLimitPolicies.Checkout)] (CheckoutRequest request) => Results.Accepted());
        return endpoints;
    }
}

public sealed record Product(int Id, string Name, decimal Price);

public sealed record CheckoutRequest(int ProductId, int Quantity);
