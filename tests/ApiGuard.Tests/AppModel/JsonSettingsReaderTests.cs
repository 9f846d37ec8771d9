using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ApiGuard.Tests.AppModel;

public class JsonSettingsReaderTests
{
    [Fact]
    public void Parse_NestedSectionsAndArrays_FlattensToConfigurationPaths()
    {
        var document = JsonSettingsReader.Parse("""
            {
              "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" } },
              "Cors": { "AllowedOrigins": [ "https://a.example.com", "https://b.example.com" ] },
              "Clients": [ { "Name": "web", "Secret": "" } ],
              "Limits": { "Max": 10, "Ratio": -1.5e3, "On": true, "Off": false, "None": null, "Empty": {}, "NoItems": [] }
            }
            """);

        Assert.Null(document.Error);
        Assert.Equal(
            new[]
            {
                "Logging:LogLevel:Default", "Logging:LogLevel:Microsoft.AspNetCore", "Cors:AllowedOrigins:0", "Cors:AllowedOrigins:1",
                "Clients:0:Name", "Clients:0:Secret", "Limits:Max", "Limits:Ratio", "Limits:On", "Limits:Off", "Limits:None", "Limits:Empty", "Limits:NoItems",
            },
            document.Settings.Select(s => s.Path));
        Assert.Equal("https://b.example.com", document.Get("Cors:AllowedOrigins:1")!.Value);
        Assert.Equal(JsonSettingKind.Number, document.Get("Limits:Ratio")!.Kind);
        Assert.Equal("-1.5e3", document.Get("Limits:Ratio")!.Value);
        Assert.Equal(JsonSettingKind.True, document.Get("Limits:On")!.Kind);
        Assert.Equal(JsonSettingKind.Null, document.Get("Limits:None")!.Kind);
        Assert.Equal(JsonSettingKind.Empty, document.Get("Limits:Empty")!.Kind);
        Assert.Equal("Secret", document.Get("Clients:0:Secret")!.Name);
        Assert.Equal("Clients:0", document.Get("Clients:0:Secret")!.Parent);
        Assert.Equal("AllowedOrigins", document.Get("Cors:AllowedOrigins:0")!.Name);
        Assert.True(document.Defines("Logging:LogLevel"));
        Assert.False(document.Defines("Logging:Console"));
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_AreAccepted()
    {
        var document = JsonSettingsReader.Parse("""
            // leading comment
            {
              /* block
                 comment */
              "A": "x", // after a value
              "B": [ 1, 2, ],
              "C": { "D": "/* not a comment */", "E": "// nor this", },
            }
            /* trailing */
            """);

        Assert.Null(document.Error);
        Assert.Equal("/* not a comment */", document.Get("C:D")!.Value);
        Assert.Equal("// nor this", document.Get("C:E")!.Value);
        Assert.Equal(2, document.Settings.Count(s => s.Path.StartsWith("B:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Get_IsCaseInsensitive()
    {
        var document = JsonSettingsReader.Parse("""{ "Logging": { "LogLevel": { "Default": "Warning" } } }""");

        Assert.Equal("Warning", document.Get("LOGGING:loglevel:default")!.Value);
    }

    [Fact]
    public void Parse_DuplicateKeyInAnyCase_GivesErrorAtSecondKey()
    {
        const string Text = """{ "AllowedHosts": "*", "allowedhosts": "example.com" }""";
        var document = JsonSettingsReader.Parse(Text);

        Assert.Equal("the key 'allowedhosts' appears twice; configuration keys are case-insensitive", document.Error);
        Assert.Equal(Text.IndexOf("\"allowedhosts\"", StringComparison.Ordinal), document.ErrorSpan.Start);
    }

    [Fact]
    public void Parse_Escapes_AreUnescaped()
    {
        var document = JsonSettingsReader.Parse("""{ "Path": "C:\\data\\db", "Quote": "say \"hi\"", "Unicode": "\u0041\u00e9", "Slash": "a\/b", "Tab": "a\tb" }""");

        Assert.Null(document.Error);
        Assert.Equal(@"C:\data\db", document.Get("Path")!.Value);
        Assert.Equal("say \"hi\"", document.Get("Quote")!.Value);
        Assert.Equal("Aé", document.Get("Unicode")!.Value);
        Assert.Equal("a/b", document.Get("Slash")!.Value);
        Assert.Equal("a\tb", document.Get("Tab")!.Value);
    }

    [Fact]
    public void Spans_PointAtKeyAndValue()
    {
        const string Text = "{\n  \"Smtp\": {\n    \"Password\": \"secret-value\"\n  }\n}";
        var setting = JsonSettingsReader.Parse(Text).Get("Smtp:Password")!;

        Assert.Equal("\"Password\"", Text.Substring(setting.KeySpan.Start, setting.KeySpan.Length));
        Assert.Equal("\"secret-value\"", Text.Substring(setting.ValueSpan.Start, setting.ValueSpan.Length));
        var lines = SourceText.From(Text).Lines.GetLinePositionSpan(setting.ValueSpan);
        Assert.Equal(new LinePosition(2, 16), lines.Start);
    }

    [Theory]
    [InlineData("", "the file is empty; a settings file must contain a JSON object", 0)]
    [InlineData("   // only a comment\n", "the file is empty; a settings file must contain a JSON object", 21)]
    [InlineData("[ 1, 2 ]", "the top-level value must be a JSON object", 0)]
    [InlineData("{ \"A\": 1 \"B\": 2 }", "',' or '}' was expected after a property value", 9)]
    [InlineData("{ \"A\": 1", "an object is not closed with '}'", 8)]
    [InlineData("{ A: 1 }", "a property name in double quotes was expected", 2)]
    [InlineData("{ 'A': 1 }", "a property name in double quotes was expected", 2)]
    [InlineData("{ \"A\" 1 }", "':' was expected after the property name \"A\"", 6)]
    [InlineData("{ \"A\": yes }", "unexpected character 'y' where a value was expected", 7)]
    [InlineData("{ \"A\": tru }", "unexpected word where a value was expected (strings need double quotes)", 7)]
    [InlineData("{ \"A\": \"x }", "a string is not closed with '\"'", 11)]
    [InlineData("{ \"A\": \"\\q\" }", "'\\q' is not a valid escape in a string", 9)]
    [InlineData("{ \"A\": 1.2.3 }", "'1.2.3' is not a valid number", 7)]
    [InlineData("{ \"A\": [ 1 2 ] }", "',' or ']' was expected after an array element", 11)]
    [InlineData("{ /* open ", "a /* comment is not closed", 2)]
    [InlineData("{ } }", "unexpected text after the top-level object", 4)]
    public void Parse_Malformed_GivesErrorAndPosition(string text, string error, int position)
    {
        var document = JsonSettingsReader.Parse(text);

        Assert.Equal(error, document.Error);
        Assert.Equal(position, document.ErrorSpan.Start);
        Assert.Empty(document.Settings);
    }

    [Fact]
    public void Parse_DeepNesting_GivesErrorNotStackOverflow()
    {
        var text = "{" + string.Concat(Enumerable.Repeat("\"a\": {", 10_000)) + string.Concat(Enumerable.Repeat("}", 10_001));

        Assert.Equal("the objects and arrays are nested too deeply", JsonSettingsReader.Parse(text).Error);
    }

    [Fact]
    public void Read_SameText_ParsesOnce()
    {
        var text = SourceText.From("""{ "A": "1" }""");

        Assert.Same(JsonSettingsReader.Read(text), JsonSettingsReader.Read(text));
    }

    [Theory]
    [InlineData("/app/appsettings.json", "Base", null)]
    [InlineData("/app/AppSettings.JSON", "Base", null)]
    [InlineData("/app/appsettings.Production.json", "Environment", "Production")]
    [InlineData("/app/appsettings.Staging.json", "Environment", "Staging")]
    [InlineData("/app/appsettings.Development.json", "Development", "Development")]
    [InlineData("/app/appsettings.development.json", "Development", "development")]
    [InlineData("/app/Properties/launchSettings.json", "LaunchSettings", null)]
    public void Classify_SettingsFiles(string path, string kind, string? environment)
    {
        var file = SettingsFile.Classify(new Text(path), ImmutableArray.Create("Development"))!;

        Assert.Equal(kind, file.Kind.ToString());
        Assert.Equal(environment, file.Environment);
    }

    [Theory]
    [InlineData("/app/launchSettings.json")]
    [InlineData("/app/appsettings.Development.Local.json")]
    [InlineData("/app/appsettings..json")]
    [InlineData("/app/mysettings.json")]
    [InlineData("/app/appsettings.json.bak")]
    public void Classify_OtherFiles_AreNotSettingsFiles(string path)
        => Assert.Null(SettingsFile.Classify(new Text(path), ImmutableArray.Create("Development")));

    private sealed class Text(string path) : AdditionalText
    {
        public override string Path => path;

        [return: NotNull]
        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From("{}");
    }
}
