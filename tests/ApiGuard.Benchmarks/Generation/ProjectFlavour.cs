namespace ApiGuard.Benchmarks.Generation;

/// <summary>The kind of project <see cref="ProjectGenerator"/> writes.</summary>
public enum ProjectFlavour
{
    /// <summary>An ASP.NET Core API: top-level <c>Program.cs</c> with the full pipeline, controllers, minimal API groups, services.</summary>
    AspNetCore,

    /// <summary>A .NET console app of the same shape with no ASP.NET Core at all: the analyzers bail out at compilation start.</summary>
    Plain,
}
