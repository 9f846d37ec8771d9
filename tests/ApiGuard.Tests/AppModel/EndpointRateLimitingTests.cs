using System.Collections.Immutable;
using ApiGuard.Analyzers.AppModel;
using Xunit;

namespace ApiGuard.Tests.AppModel;

/// <summary>Route matching of <see cref="EndpointRateLimiting"/> (the metadata reading is covered by the AG0604 tests).</summary>
public class EndpointRateLimitingTests
{
    private static readonly ImmutableArray<string> Routes = ImmutableArray.Create("login", "connect/token", "reset-password");

    [Theory]
    [InlineData("/login", true)]
    [InlineData("/Account/LOGIN", true)]
    [InlineData("/account/login/{returnUrl?}", true)]
    [InlineData("/{tenant}/login", true)]
    [InlineData("connect/token", true)]
    [InlineData("/api/connect/token/", true)]
    [InlineData("/users/{id}/reset-password", true)]
    [InlineData("/logins-report", false)]
    [InlineData("/token", false)]
    [InlineData("/connect/tokens", false)]
    [InlineData("/", false)]
    [InlineData("", false)]
    public void MatchesAny_WholeSegmentsOnly(string route, bool expected)
        => Assert.Equal(expected, EndpointRateLimiting.MatchesAny(route, Routes));
}
