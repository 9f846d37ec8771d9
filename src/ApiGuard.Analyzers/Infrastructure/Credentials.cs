using System.Text;
using System.Threading;
using ApiGuard.Analyzers.AppModel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Infrastructure;

/// <summary>What a name says a value is.</summary>
internal enum CredentialKind
{
    None,

    /// <summary>A password (<c>password</c>, <c>passwd</c>, <c>pwd</c>, <c>passphrase</c>).</summary>
    Password,

    /// <summary>A secret (<c>secret</c>, <c>secretKey</c>, <c>clientSecret</c>).</summary>
    Secret,

    /// <summary>An API key (<c>apiKey</c>, <c>api_key</c>).</summary>
    ApiKey,

    /// <summary>An access key (<c>accessKey</c>, <c>secretAccessKey</c>).</summary>
    AccessKey,

    /// <summary>A private key (<c>privateKey</c>).</summary>
    PrivateKey,

    /// <summary>A connection string (<c>connectionString</c>, <c>DefaultConnection</c>): a credential only when it holds a password.</summary>
    ConnectionString,

    /// <summary>A user name (<c>userName</c>, <c>user</c>, <c>login</c>): never a credential, compared with the password.</summary>
    UserName,
}

/// <summary>Where a hard-coded credential sits, which decides how a fix replaces it.</summary>
internal enum CredentialSite
{
    /// <summary>An expression that can become any expression: an argument, an assignment's value, a local's initializer.</summary>
    Value,

    /// <summary>The literal fallback of <c>configuration["…"] ?? "…"</c>: the fix throws instead.</summary>
    Fallback,

    /// <summary>The initializer of a <c>const</c> local: the fix drops <c>const</c>.</summary>
    ConstLocal,

    /// <summary>The initializer of a field (<c>const</c> or not): the fix turns it into a property that reads configuration, or reads the environment.</summary>
    Field,

    /// <summary>The initializer of an auto-property: a default that configuration binding may override.</summary>
    PropertyInitializer,

    /// <summary>The default value of a parameter, which must be a constant: no fix.</summary>
    ParameterDefault,

    /// <summary>A byte-array literal of a JWT signing key: the fix reads the key as a string and encodes it.</summary>
    ByteArray,
}

/// <summary>A name read as a credential name: what it holds, and the words around the credential noun.</summary>
internal readonly struct CredentialName
{
    public CredentialName(CredentialKind kind, string qualifier, string leaf)
    {
        Kind = kind;
        Qualifier = qualifier;
        Leaf = leaf;
    }

    public CredentialKind Kind { get; }

    /// <summary>The PascalCase words before the credential noun (<c>Admin</c> in <c>adminPassword</c>); empty when none.</summary>
    public string Qualifier { get; }

    /// <summary>The credential noun in PascalCase (<c>Password</c>, <c>ApiKey</c>, <c>ClientSecret</c>).</summary>
    public string Leaf { get; }

    /// <summary>Whether the name says the value is a secret (password, secret, API key, access key, private key).</summary>
    public bool IsSecret => Kind is CredentialKind.Password or CredentialKind.Secret or CredentialKind.ApiKey or CredentialKind.AccessKey or CredentialKind.PrivateKey;

    /// <summary>The credential noun as the messages say it: <c>password</c>, <c>API key</c>, <c>client secret</c>.</summary>
    public string Noun => Kind switch
    {
        CredentialKind.ApiKey => "API key",
        CredentialKind.ConnectionString => "connection string password",
        _ => SplitWords(Leaf).ToLowerInvariant(),
    };

    private static string SplitWords(string pascal)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                builder.Append(' ');
            }

            builder.Append(pascal[i]);
        }

        return builder.ToString();
    }
}

/// <summary>The user name and password of a connection string.</summary>
internal readonly struct ConnectionStringCredentials
{
    public ConnectionStringCredentials(string? userName, string password)
    {
        UserName = userName;
        Password = password;
    }

    public string? UserName { get; }

    public string Password { get; }
}

/// <summary>
/// The shared facts of the credential rules (AG0501, AG0502, AG0503): which names say a value is a credential, which values are
/// not secrets at all (configuration keys, messages, placeholders), how to read the password of a connection string, which
/// credentials are well-known defaults, and the configuration key a fix reads a credential from. Every credential rule and fix
/// asks this class; none of them keeps its own lists.
/// </summary>
internal static class Credentials
{
    /// <summary>
    /// Well-known default passwords (compared case-insensitively): vendor defaults, template and tutorial values, and the top of
    /// every leaked-password list. Extended by <c>apiguard.secrets.additional_default_passwords</c>.
    /// </summary>
    public static readonly ImmutableArray<string> WellKnownDefaultPasswords = ImmutableArray.Create(
        "admin",
        "admin123",
        "administrator",
        "password",
        "password1",
        "password123",
        "P@ssw0rd",
        "P@ssword",
        "Passw0rd",
        "changeme",
        "changeit",
        "123456",
        "12345678",
        "123456789",
        "qwerty",
        "letmein",
        "welcome",
        "root",
        "toor",
        "guest",
        "default",
        "secret");

    /// <summary>Database administrator accounts whose empty password is a well-known default (<c>sa</c> on SQL Server, <c>root</c> on MySQL).</summary>
    public static readonly ImmutableArray<string> AccountsWithDefaultEmptyPassword = ImmutableArray.Create("sa", "root");

    private static readonly ImmutableHashSet<string> DefaultSet = WellKnownDefaultPasswords.ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Credential noun phrases, longest first, as lower-case tokens, with their kind and PascalCase leaf.</summary>
    private static readonly (string[] Tokens, CredentialKind Kind, string Leaf)[] Phrases =
    {
        (new[] { "client", "secret" }, CredentialKind.Secret, "ClientSecret"),
        (new[] { "secret", "access", "key" }, CredentialKind.AccessKey, "SecretAccessKey"),
        (new[] { "access", "key" }, CredentialKind.AccessKey, "AccessKey"),
        (new[] { "api", "key" }, CredentialKind.ApiKey, "ApiKey"),
        (new[] { "apikey" }, CredentialKind.ApiKey, "ApiKey"),
        (new[] { "private", "key" }, CredentialKind.PrivateKey, "PrivateKey"),
        (new[] { "secret", "key" }, CredentialKind.Secret, "SecretKey"),
        (new[] { "pass", "phrase" }, CredentialKind.Password, "Passphrase"),
        (new[] { "passphrase" }, CredentialKind.Password, "Passphrase"),
        (new[] { "password" }, CredentialKind.Password, "Password"),
        (new[] { "passwd" }, CredentialKind.Password, "Password"),
        (new[] { "pwd" }, CredentialKind.Password, "Password"),
        (new[] { "secret" }, CredentialKind.Secret, "Secret"),
        (new[] { "connection", "string" }, CredentialKind.ConnectionString, "ConnectionString"),
        (new[] { "conn", "string" }, CredentialKind.ConnectionString, "ConnectionString"),
        (new[] { "connstring" }, CredentialKind.ConnectionString, "ConnectionString"),
        (new[] { "connstr" }, CredentialKind.ConnectionString, "ConnectionString"),
        (new[] { "connection" }, CredentialKind.ConnectionString, "ConnectionString"),
        (new[] { "user", "name" }, CredentialKind.UserName, "UserName"),
        (new[] { "username" }, CredentialKind.UserName, "UserName"),
        (new[] { "user" }, CredentialKind.UserName, "UserName"),
        (new[] { "login" }, CredentialKind.UserName, "UserName"),
        (new[] { "uid" }, CredentialKind.UserName, "UserName"),
    };

    /// <summary>Fragments of the phrases above: a name with none of them is not looked at further.</summary>
    private static readonly string[] NameFragments = { "pass", "pwd", "secret", "key", "conn", "user", "login", "uid" };

    /// <summary>Words after the credential noun that do not change what the name holds (<c>passwordValue</c>, <c>apiKeyText</c>).</summary>
    private static readonly ImmutableHashSet<string> NeutralSuffixes = ImmutableHashSet.Create(StringComparer.Ordinal, "value", "text", "string", "str", "plain", "plaintext", "raw", "literal");

    /// <summary>Words before the credential noun that make it something else than the credential itself (<c>hashedPassword</c>).</summary>
    private static readonly ImmutableHashSet<string> DisqualifyingQualifiers = ImmutableHashSet.Create(StringComparer.Ordinal, "hashed", "hash", "encrypted", "masked", "salted", "obfuscated");

    /// <summary>Qualifier words that carry no section name (<c>defaultPassword</c>, <c>_myApiKey</c>).</summary>
    private static readonly ImmutableHashSet<string> NoiseQualifiers = ImmutableHashSet.Create(StringComparer.Ordinal, "default", "my", "the", "new", "current", "hardcoded", "hard", "coded", "static", "const", "initial", "seed", "fallback");

    /// <summary>Words that mark a placeholder rather than a value (<c>your-api-key</c>, <c>REPLACE_ME</c>).</summary>
    private static readonly ImmutableHashSet<string> PlaceholderWords = ImmutableHashSet.Create(
        StringComparer.Ordinal, "your", "yours", "placeholder", "replace", "replaceme", "redacted", "dummy", "fake", "example", "sample", "todo", "tbd", "fixme", "insert", "enter", "xxx");

    /// <summary>Whole values that are not secrets.</summary>
    private static readonly ImmutableHashSet<string> NonValues = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "null", "none", "n/a", "na", "empty", "true", "false", "undefined", "unset", "nil");

    /// <summary>Type-name suffixes dropped when a type names a configuration section (<c>SmtpOptions</c> → <c>Smtp</c>).</summary>
    private static readonly string[] SectionSuffixes =
    {
        "Options", "Settings", "Configuration", "Config", "Services", "Service", "Client", "Controller", "Seeder", "Initializer", "Repository",
        "Provider", "Factory", "Manager", "Handler", "Helper", "Extensions",
    };

    /// <summary>Splits an identifier into lower-case words: camelCase, PascalCase, acronyms, digits, <c>snake_case</c> and <c>kebab-case</c>.</summary>
    public static ImmutableArray<string> Tokenize(string name)
    {
        var tokens = ImmutableArray.CreateBuilder<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString().ToLowerInvariant());
                current.Clear();
            }
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                var previous = name[i - 1];
                var boundary = (char.IsLower(previous) && char.IsUpper(c))
                    || (char.IsDigit(previous) != char.IsDigit(c))
                    || (char.IsUpper(previous) && char.IsUpper(c) && i + 1 < name.Length && char.IsLower(name[i + 1]));
                if (boundary)
                {
                    Flush();
                }
            }

            current.Append(c);
        }

        Flush();
        return tokens.ToImmutable();
    }

    /// <summary>
    /// What a field, property, local, parameter or argument name says its value is. The credential noun must be the name's last
    /// word (its head), so <c>adminPassword</c> and <c>ClientSecret</c> are credentials, and <c>passwordQuestion</c>,
    /// <c>PasswordRequiredLength</c>, <c>PasswordHasher</c> and <c>ApiKeyHeaderName</c> are not.
    /// </summary>
    public static CredentialName Classify(string name)
    {
        if (!MayNameCredential(name))
        {
            return default;
        }

        var tokens = Tokenize(name).ToList();
        while (tokens.Count > 1 && (NeutralSuffixes.Contains(tokens[tokens.Count - 1]) || IsNumber(tokens[tokens.Count - 1])))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        foreach (var (phrase, kind, leaf) in Phrases)
        {
            if (!EndsWith(tokens, phrase))
            {
                continue;
            }

            var qualifierTokens = tokens.Take(tokens.Count - phrase.Length).ToList();
            if (qualifierTokens.Any(DisqualifyingQualifiers.Contains))
            {
                return default;
            }

            var qualifier = string.Concat(qualifierTokens.Where(t => t.Length > 1 && !NoiseQualifiers.Contains(t) && !IsNumber(t)).Select(Pascal));
            return new CredentialName(kind, qualifier, leaf);
        }

        return default;
    }

    /// <summary>
    /// Whether a value in a credential slot is not a secret: empty or blank; a message or label (it contains white space); a
    /// placeholder (<c>&lt;password&gt;</c>, <c>${DB_PASSWORD}</c>, <c>{0}</c>, <c>%PASSWORD%</c>, <c>***</c>, <c>your-api-key</c>);
    /// a configuration key or environment variable name (<c>Admin:Password</c>, <c>Admin__Password</c>, <c>DB_PASSWORD</c>); a name
    /// of a credential (<c>client_secret</c>, <c>X-Api-Key</c>); a URL or path; or a word such as <c>null</c> or <c>none</c>.
    /// </summary>
    public static bool IsNotSecret(string? value)
    {
        if (value is null || value.Length < 2 || value.Trim().Length == 0)
        {
            return true;
        }

        if (value.Any(char.IsWhiteSpace) || NonValues.Contains(value))
        {
            return true;
        }

        if (IsPlaceholder(value) || IsConfigurationKey(value) || NamesCredential(value))
        {
            return true;
        }

        return value.IndexOf("://", StringComparison.Ordinal) >= 0
            || value.StartsWith("/", StringComparison.Ordinal)
            || value.StartsWith("~/", StringComparison.Ordinal)
            || value.StartsWith("./", StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="value"/> is exactly the name it is assigned to (<c>Password = "password"</c>, <c>ClientSecret = "client_secret"</c>): a name or key, not a secret.</summary>
    public static bool EqualsName(string value, string name) => Normalize(value).Length > 0 && Normalize(value) == Normalize(name);

    /// <summary>
    /// Whether a credential is a well-known default: a listed password (case-insensitive), one of <paramref name="additional"/>,
    /// a password equal to its user name, or the empty password of a database administrator account (<c>sa</c>, <c>root</c>).
    /// </summary>
    public static bool IsWellKnownDefault(string password, string? userName, ImmutableArray<string> additional)
    {
        if (password.Length == 0)
        {
            return userName is not null && AccountsWithDefaultEmptyPassword.Contains(userName.Trim(), StringComparer.OrdinalIgnoreCase);
        }

        return DefaultSet.Contains(password)
            || additional.Contains(password, StringComparer.OrdinalIgnoreCase)
            || (userName is not null && string.Equals(userName.Trim(), password, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The credentials of an ADO.NET-style connection string (<c>key=value;</c> pairs, case-insensitive keys, values optionally in
    /// single or double quotes with doubled quotes inside): null when the text is not a connection string or has no
    /// <c>Password</c>/<c>Pwd</c> key. The user name comes from <c>User ID</c>, <c>UID</c>, <c>User</c>, <c>Username</c> or <c>User Name</c>.
    /// </summary>
    public static ConnectionStringCredentials? ParseConnectionString(string text)
    {
        string? password = null;
        string? user = null;
        var pairs = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ';' || char.IsWhiteSpace(text[i])))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var equals = text.IndexOf('=', i);
            if (equals < 0)
            {
                return null;
            }

            var key = text.Substring(i, equals - i).Trim();
            if (key.Length == 0 || key.IndexOf(';') >= 0)
            {
                return null;
            }

            i = equals + 1;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            string value;
            if (i < text.Length && (text[i] == '"' || text[i] == '\''))
            {
                var quote = text[i++];
                var builder = new StringBuilder();
                while (true)
                {
                    if (i >= text.Length)
                    {
                        return null;
                    }

                    if (text[i] == quote)
                    {
                        if (i + 1 < text.Length && text[i + 1] == quote)
                        {
                            builder.Append(quote);
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    builder.Append(text[i++]);
                }

                value = builder.ToString();
                while (i < text.Length && text[i] != ';')
                {
                    if (!char.IsWhiteSpace(text[i]))
                    {
                        return null;
                    }

                    i++;
                }
            }
            else
            {
                var end = text.IndexOf(';', i);
                end = end < 0 ? text.Length : end;
                value = text.Substring(i, end - i).Trim();
                i = end;
            }

            pairs++;
            switch (NormalizeKey(key))
            {
                case "password":
                case "pwd":
                    password = value;
                    break;
                case "userid":
                case "uid":
                case "user":
                case "username":
                    user = value;
                    break;
            }
        }

        return pairs > 0 && password is not null ? new ConnectionStringCredentials(user, password) : null;
    }

    /// <summary>
    /// The configuration key a fix reads a credential from: the name's qualifier as the section (<c>adminPassword</c> →
    /// <c>Admin:Password</c>), else <paramref name="section"/> (from the context: the user variable, the options type, the enclosing
    /// class), else the leaf alone (<c>Password</c>).
    /// </summary>
    public static string ConfigurationKey(CredentialName name, string? section)
    {
        var qualifier = name.Qualifier.Length > 0 ? name.Qualifier : section;
        return string.IsNullOrEmpty(qualifier) ? name.Leaf : qualifier + ":" + name.Leaf;
    }

    /// <summary>The connection string name a fix reads (<c>GetConnectionString(name)</c>): the qualifier of the name (<c>ordersConnectionString</c> → <c>Orders</c>), else <c>Default</c>.</summary>
    public static string ConnectionStringName(CredentialName name)
        => name.Kind == CredentialKind.ConnectionString && name.Qualifier.Length > 0 ? name.Qualifier : "Default";

    /// <summary>A configuration section named after a type: <c>SmtpOptions</c> → <c>Smtp</c>, <c>GoogleOptions</c> → <c>Google</c>. Null for the top-level program and Startup classes.</summary>
    public static string? SectionFromType(INamedTypeSymbol? type)
    {
        if (type is null || type.IsImplicitlyDeclared || type.Name is "Program" or "Startup" || type.Name.Length == 0)
        {
            return null;
        }

        var name = type.Name;
        foreach (var suffix in SectionSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - suffix.Length);
                break;
            }
        }

        return name;
    }

    /// <summary>A configuration section named after a variable (<c>adminUser</c> → <c>Admin</c>, <c>admin</c> → <c>Admin</c>); null for <c>user</c> alone.</summary>
    public static string? SectionFromVariable(string name)
    {
        var tokens = Tokenize(name).Where(t => t.Length > 1 && !NoiseQualifiers.Contains(t) && !IsNumber(t)).ToList();
        while (tokens.Count > 0 && tokens[tokens.Count - 1] is "user" or "identity" or "account" or "credential" or "credentials")
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        return tokens.Count == 0 ? null : string.Concat(tokens.Select(Pascal));
    }

    /// <summary>The environment variable a fix reads when no configuration is in scope: the configuration key in its environment form (<c>Admin:Password</c> → <c>Admin__Password</c>).</summary>
    public static string EnvironmentVariable(string key) => key.Replace(":", "__");

    /// <summary>
    /// Whether code at <paramref name="operation"/> can run outside Development: its own guard is neither Development-only nor
    /// unknown, and, when the app model reaches it through a helper, some app runs it outside Development.
    /// </summary>
    public static bool RunsOutsideDevelopment(IOperation operation, KnownTypes types, AppModelProvider provider, CancellationToken cancellationToken)
    {
        if (EnvironmentGuard.Classify(operation, types) is GuardKind.DevelopmentOnly or GuardKind.Unknown)
        {
            return false;
        }

        for (var current = operation; current is not null; current = current.Parent)
        {
            if (current is IInvocationOperation or ISimpleAssignmentOperation { Target: IPropertyReferenceOperation })
            {
                var steps = provider.StepsAt(current.Syntax, cancellationToken);
                if (!steps.IsEmpty)
                {
                    return steps.Any(s => s.RunsOutsideDevelopment);
                }
            }
        }

        return true;
    }

    /// <summary>The operation without implicit conversions and parentheses.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    private static bool IsPlaceholder(string value)
    {
        // Wrapped: <password>, ${DB_PASSWORD}, $(Password), {0}, {{secret}}, %PASSWORD%, [password], #{Password}#, __PASSWORD__, @@KEY@@.
        if ((value.StartsWith("<", StringComparison.Ordinal) && value.EndsWith(">", StringComparison.Ordinal))
            || (value.StartsWith("${", StringComparison.Ordinal) && value.EndsWith("}", StringComparison.Ordinal))
            || (value.StartsWith("$(", StringComparison.Ordinal) && value.EndsWith(")", StringComparison.Ordinal))
            || (value.StartsWith("{", StringComparison.Ordinal) && value.EndsWith("}", StringComparison.Ordinal))
            || (value.StartsWith("%", StringComparison.Ordinal) && value.EndsWith("%", StringComparison.Ordinal) && value.Length > 2)
            || (value.StartsWith("[", StringComparison.Ordinal) && value.EndsWith("]", StringComparison.Ordinal))
            || (value.StartsWith("#{", StringComparison.Ordinal) && value.EndsWith("}#", StringComparison.Ordinal))
            || (value.StartsWith("__", StringComparison.Ordinal) && value.EndsWith("__", StringComparison.Ordinal) && value.Length > 4)
            || (value.StartsWith("@@", StringComparison.Ordinal) && value.EndsWith("@@", StringComparison.Ordinal) && value.Length > 4))
        {
            return true;
        }

        // A composite format item anywhere: "pass{0}".
        for (var i = value.IndexOf('{'); i >= 0 && i + 2 < value.Length; i = value.IndexOf('{', i + 1))
        {
            if (char.IsDigit(value[i + 1]) && value.IndexOf('}', i) > i)
            {
                return true;
            }
        }

        // One repeated filler character: ***, xxxx, ....
        if (value.All(c => c == value[0]) && (!char.IsLetterOrDigit(value[0]) || value[0] is 'x' or 'X'))
        {
            return true;
        }

        return Tokenize(value).Any(PlaceholderWords.Contains);
    }

    /// <summary><c>Admin:Password</c>, <c>ConnectionStrings:Default</c>, <c>Admin__Password</c>, <c>DB_PASSWORD</c>.</summary>
    private static bool IsConfigurationKey(string value)
    {
        if (value.IndexOf(':') > 0 && value.Split(':').All(IsKeySegment))
        {
            return true;
        }

        if (value.IndexOf("__", StringComparison.Ordinal) > 0 && value.Split(new[] { "__" }, StringSplitOptions.None).All(IsKeySegment))
        {
            return true;
        }

        // An environment variable name: upper-case words joined by underscores.
        return value.IndexOf('_') > 0
            && char.IsLetter(value[0])
            && value.All(c => (c >= 'A' && c <= 'Z') || char.IsDigit(c) || c == '_');
    }

    private static bool IsKeySegment(string segment)
        => segment.Length > 0 && char.IsLetter(segment[0]) && segment.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.');

    /// <summary>A value made of words joined by separators that says what a credential is called: <c>client_secret</c>, <c>X-Api-Key</c>, <c>user-password</c>.</summary>
    private static bool NamesCredential(string value)
    {
        var parts = value.Split(new[] { '-', '_', '.', ':', '/' }, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 && parts.All(p => p.All(char.IsLetter)) && Classify(value) is { Kind: not CredentialKind.None };
    }

    /// <summary>A cheap, allocation-free pre-filter: every credential and user-name phrase contains one of these fragments.</summary>
    private static bool MayNameCredential(string name)
    {
        foreach (var fragment in NameFragments)
        {
            if (name.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }


    private static bool EndsWith(List<string> tokens, string[] phrase)
    {
        if (tokens.Count < phrase.Length)
        {
            return false;
        }

        for (var i = 0; i < phrase.Length; i++)
        {
            if (tokens[tokens.Count - phrase.Length + i] != phrase[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNumber(string token) => token.Length > 0 && token.All(char.IsDigit);

    private static string Pascal(string token) => token.Length == 0 ? token : char.ToUpperInvariant(token[0]) + token.Substring(1);

    private static string Normalize(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static string NormalizeKey(string key) => new(key.Where(c => !char.IsWhiteSpace(c)).Select(char.ToLowerInvariant).ToArray());
}
