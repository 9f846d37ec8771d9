using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Tests.Infrastructure;
using Xunit;

namespace ApiGuard.Tests.AppModel;

public class KnownTypesTests
{
    [Fact]
    public void EnumAndMetadataNames_RunInParallel()
    {
        var values = Enum.GetValues<KnownType>();
        Assert.Equal(values.Length, KnownTypes.MetadataNames.Length);
        Assert.All(values, v => Assert.Equal(v.ToString(), KnownTypes.MetadataNames[(int)v].Replace('.', '_').Replace('`', '_')));
    }

    [Theory]
    [InlineData(AspNetCoreVersion.Net80)]
    [InlineData(AspNetCoreVersion.Net100)]
    public void EveryKnownType_ResolvesAgainstAspNetCore(AspNetCoreVersion version)
    {
        var types = KnownTypes.GetOrCreate(AnalyzerRunner.Compile(new[] { ("/Empty.cs", string.Empty) }, version, withImplicitUsings: false));
        Assert.All(Enum.GetValues<KnownType>().Where(t => !KnownTypes.FromPackages.Contains(t)), t => Assert.NotNull(types.Get(t)));
        Assert.True(types.IsAspNetCoreApp);
    }

    [Fact]
    public void WithoutAspNetCore_AnchorsAreAbsent()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Plain", references: TestReferences.Net80WithoutAspNetCore);
        var types = KnownTypes.GetOrCreate(compilation);
        Assert.False(types.IsAspNetCoreApp);
        Assert.Null(types.Get(KnownType.Microsoft_AspNetCore_Cors_Infrastructure_CorsPolicyBuilder));
    }

    [Fact]
    public void SameCompilation_SharesOneInstance()
    {
        var compilation = AnalyzerRunner.Compile(new[] { ("/Empty.cs", string.Empty) });
        Assert.Same(KnownTypes.GetOrCreate(compilation), KnownTypes.GetOrCreate(compilation));
    }
}
