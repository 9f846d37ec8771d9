namespace ApiGuard.Tests.Infrastructure;

/// <summary>Boilerplate shared by the rule tests.</summary>
public static class TestSources
{
    /// <summary>The implicit usings of a <c>Microsoft.NET.Sdk.Web</c> project, as the SDK generates them.</summary>
    public const string WebImplicitUsings = """
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Net.Http.Json;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;

        """;

    /// <summary>The path the implicit usings file gets in a test project.</summary>
    public const string WebImplicitUsingsPath = "/0/Test.GlobalUsings.g.cs";
}
