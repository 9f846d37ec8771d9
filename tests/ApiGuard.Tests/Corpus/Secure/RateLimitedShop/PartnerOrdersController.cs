using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Contoso.Shop;

[ApiController]
[Route("partners/orders")]
[EnableRateLimiting(RateLimitPolicies.Partners)]
public sealed class PartnerOrdersController : ControllerBase
{
    [HttpGet]
    public IActionResult List() => Ok(Array.Empty<string>());

    [HttpGet("status")]
    [DisableRateLimiting]
    public IActionResult Status() => Ok("up");
}
