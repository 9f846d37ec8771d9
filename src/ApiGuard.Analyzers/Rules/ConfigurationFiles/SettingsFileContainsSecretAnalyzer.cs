using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Analyzers.Rules.ConfigurationFiles;

/// <summary>
/// AG0801: a settings file that applies outside Development (<c>appsettings.json</c>, <c>appsettings.{Environment}.json</c>) holds a
/// secret: a connection string with a password, or a value under a key named like a password, secret, API key, client secret,
/// token or signing key. The file is committed with the code, so everyone who can read the repository has the secret.
/// AG0805: the same with a well-known default credential (the AG0502 list), which anyone can guess without the file.
/// A value gets one of the two rules, never both. Placeholders and empty values are not secrets.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SettingsFileContainsSecretAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.SettingsFileContainsSecret,
        title: "Do not commit secrets in settings files",
        messageFormat: "'{0}' in {1} holds a {2}; move it to user secrets, environment variables or a key vault",
        description: "Settings files are committed and deployed with the app, so a password, key or token in them is readable by everyone "
            + "with the repository or the build output and cannot be rotated without a release. Keep secrets in user secrets during "
            + "development and in environment variables or a key vault elsewhere.",
        RuleArea.ConfigurationFiles,
        DiagnosticSeverity.Warning,
        cwe: 798,
        owasp: "API8",
        hasCodeFix: false);

    internal static readonly DiagnosticDescriptor DefaultRule = Descriptors.Descriptors.Create(
        RuleIds.SettingsFileContainsDefaultCredential,
        title: "Do not use well-known default credentials in settings files",
        messageFormat: "'{0}' in {1} is a well-known default {2} that anyone can guess; set a strong value in user secrets, environment variables or a key vault",
        description: "A default password such as admin123, P@ssw0rd, changeme or a user name repeated as the password is the first thing "
            + "attackers try, and in a settings file it is the value every deployment gets unless someone overrides it.",
        RuleArea.ConfigurationFiles,
        DiagnosticSeverity.Error,
        cwe: 1392,
        owasp: "API2",
        hasCodeFix: false);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, DefaultRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.GetOrCreate(start.Compilation);
            if (!types.IsAspNetCoreApp || start.Options.AdditionalFiles.IsEmpty || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            start.RegisterAdditionalFileAction(Analyze);
        });
    }

    private static void Analyze(AdditionalFileAnalysisContext context)
    {
        var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile);
        var file = SettingsFile.Classify(context.AdditionalFile, ApiGuardOptions.ConfigDevelopmentEnvironments.Read(options));
        if (file is null || !file.AppliesOutsideDevelopment || file.Read(context.CancellationToken) is not { Error: null } document)
        {
            return;
        }

        var extraKeys = ApiGuardOptions.ConfigAdditionalSecretKeys.Read(options);
        var extraDefaults = ApiGuardOptions.SecretsAdditionalDefaultPasswords.Read(options);
        foreach (var setting in document.Settings)
        {
            if (setting.Kind is not (JsonSettingKind.String or JsonSettingKind.Number) || setting.Value.Length == 0)
            {
                continue;
            }

            string noun;
            string password;
            string? userName;
            if (setting.Value.IndexOf('=') > 0 && Credentials.ParseConnectionString(setting.Value) is { } connection)
            {
                noun = "connection string password";
                password = connection.Password;
                userName = connection.UserName;
                if (password.Length == 0 && !Credentials.IsWellKnownDefault(password, userName, extraDefaults))
                {
                    continue;
                }
            }
            else if (SecretNoun(setting, extraKeys) is { } secretNoun)
            {
                noun = secretNoun;
                password = setting.Value;
                userName = UserNameBeside(setting, document);
            }
            else
            {
                continue;
            }

            if (Credentials.IsWellKnownDefault(password, userName, extraDefaults))
            {
                context.ReportDiagnostic(Diagnostic.Create(DefaultRule, file.LocationOf(setting.ValueSpan, context.CancellationToken), setting.Path, file.Name, noun));
            }
            else if (!Credentials.IsNotSecret(password) && !NamesToken(password))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, file.LocationOf(setting.ValueSpan, context.CancellationToken), setting.Path, file.Name, noun));
            }
        }
    }

    /// <summary>
    /// What the key says the value is: a key listed in <c>apiguard.config.additional_secret_keys</c>; a credential name of the C# rules
    /// (password, secret, API key, access key, private key, client secret); a token; a signing or encryption key; or <c>Key</c> in a JWT section.
    /// </summary>
    private static string? SecretNoun(JsonSetting setting, ImmutableArray<string> extraKeys)
    {
        var name = setting.Name;
        if (extraKeys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase) || string.Equals(k, setting.Path, StringComparison.OrdinalIgnoreCase)))
        {
            return "secret";
        }

        if (Credentials.Classify(name) is { IsSecret: true } credential)
        {
            return credential.Noun;
        }

        var tokens = Credentials.Tokenize(name);
        if (tokens.IsEmpty)
        {
            return null;
        }

        var head = tokens[tokens.Length - 1];
        if (head == "token")
        {
            return "token";
        }

        if (head == "key" && tokens.Length > 1 && tokens[tokens.Length - 2] is "signing" or "encryption")
        {
            return tokens[tokens.Length - 2] + " key";
        }

        return head == "key" && tokens.Length == 1 && Credentials.Tokenize(setting.Parent).Contains("jwt") ? "signing key" : null;
    }

    /// <summary>The user name set next to a password (<c>User</c>, <c>UserName</c>, <c>Login</c> in the same section), for the "same as the user name" default.</summary>
    private static string? UserNameBeside(JsonSetting setting, JsonSettingsDocument document)
    {
        var parent = setting.Parent;
        foreach (var other in document.Settings)
        {
            if (other.Kind == JsonSettingKind.String
                && string.Equals(other.Parent, parent, StringComparison.OrdinalIgnoreCase)
                && Credentials.Classify(other.Name).Kind == CredentialKind.UserName)
            {
                return other.Value;
            }
        }

        return null;
    }

    /// <summary>A value that names a token rather than holding one: words joined by separators ending in "token" (<c>X-CSRF-TOKEN</c>).</summary>
    private static bool NamesToken(string value)
    {
        var parts = value.Split(new[] { '-', '_', '.' }, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 && parts.All(p => p.All(char.IsLetter)) && string.Equals(parts[parts.Length - 1], "token", StringComparison.OrdinalIgnoreCase);
    }
}
