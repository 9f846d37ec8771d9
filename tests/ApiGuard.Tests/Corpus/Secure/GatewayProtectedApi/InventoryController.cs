using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Contoso.Inventory;

[ApiController]
[Route("inventory")]
public sealed class InventoryController : ControllerBase
{
    [HttpGet("{sku}")]
    public IActionResult Get(string sku) => Ok(new { Sku = sku, OnHand = 12 });

    [HttpGet("/error")]
    [AllowAnonymous]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Error() => Problem();
}
