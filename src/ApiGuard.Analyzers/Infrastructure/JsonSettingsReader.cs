using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ApiGuard.Analyzers.Infrastructure;

/// <summary>The kind of a JSON value in a settings file.</summary>
internal enum JsonSettingKind
{
    String,
    Number,
    True,
    False,
    Null,

    /// <summary>An empty object or array: a key with no value, as configuration sees it.</summary>
    Empty,
}

/// <summary>
/// One leaf of a settings file, keyed by its flattened configuration path (<c>Logging:LogLevel:Default</c>, array elements by
/// index: <c>Cors:AllowedOrigins:0</c>), as <c>Microsoft.Extensions.Configuration.Json</c> flattens it.
/// </summary>
internal sealed class JsonSetting
{
    public JsonSetting(string path, JsonSettingKind kind, string value, TextSpan keySpan, TextSpan valueSpan)
    {
        Path = path;
        Kind = kind;
        Value = value;
        KeySpan = keySpan;
        ValueSpan = valueSpan;
    }

    /// <summary>The configuration path, with the keys spelled as in the file.</summary>
    public string Path { get; }

    public JsonSettingKind Kind { get; }

    /// <summary>The value as configuration reads it: a string unescaped, a number or literal as written, <c>null</c> as empty.</summary>
    public string Value { get; }

    /// <summary>The span of the property name (with its quotes); for an array element, the element itself.</summary>
    public TextSpan KeySpan { get; }

    /// <summary>The span of the value token (a string with its quotes).</summary>
    public TextSpan ValueSpan { get; }

    /// <summary>The last segment of the path that is not an array index (<c>ApiKeys</c> for <c>ApiKeys:1</c>).</summary>
    public string Name
    {
        get
        {
            var segments = Path.Split(':');
            for (var i = segments.Length - 1; i >= 0; i--)
            {
                if (!segments[i].All(char.IsDigit))
                {
                    return segments[i];
                }
            }

            return Path;
        }
    }

    /// <summary>The path without its last segment; empty at the top level.</summary>
    public string Parent => Path.LastIndexOf(':') is var at && at > 0 ? Path.Substring(0, at) : string.Empty;
}

/// <summary>A parsed settings file: its leaves in file order, or why it could not be read.</summary>
internal sealed class JsonSettingsDocument
{
    private readonly Dictionary<string, JsonSetting> _byPath;

    public JsonSettingsDocument(ImmutableArray<JsonSetting> settings, string? error, TextSpan errorSpan)
    {
        Settings = settings;
        Error = error;
        ErrorSpan = errorSpan;
        _byPath = new Dictionary<string, JsonSetting>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in settings)
        {
            // Configuration keys are case-insensitive; the reader rejects duplicates, as the JSON configuration provider does.
            _byPath[setting.Path] = setting;
        }
    }

    /// <summary>Every leaf in file order.</summary>
    public ImmutableArray<JsonSetting> Settings { get; }

    /// <summary>Why the file could not be read (null when it was read); <see cref="Settings"/> is then empty.</summary>
    public string? Error { get; }

    /// <summary>Where reading stopped.</summary>
    public TextSpan ErrorSpan { get; }

    /// <summary>The value configuration sees for <paramref name="path"/> (case-insensitive); null when absent.</summary>
    public JsonSetting? Get(string path) => _byPath.TryGetValue(path, out var setting) ? setting : null;

    /// <summary>Whether the file defines <paramref name="path"/> or anything under it.</summary>
    public bool Defines(string path)
        => _byPath.ContainsKey(path) || Settings.Any(s => s.Path.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// A small, tolerant JSON reader for settings files (the analyzer may not depend on a JSON library). It accepts what the ASP.NET Core
/// configuration provider accepts: <c>//</c> and <c>/* */</c> comments and trailing commas; the top level must be an object. It
/// never throws: a malformed file gives a document with an <see cref="JsonSettingsDocument.Error"/> and the position where reading stopped.
/// Documents are cached per <see cref="SourceText"/>, so the rules that read one file share one parse.
/// </summary>
internal static class JsonSettingsReader
{
    private const int MaxDepth = 64;

    private static readonly ConditionalWeakTable<SourceText, JsonSettingsDocument> Cache = new();

    /// <summary>The parsed document of <paramref name="text"/>, parsed once per text instance.</summary>
    public static JsonSettingsDocument Read(SourceText text) => Cache.GetValue(text, static t => Parse(t.ToString()));

    /// <summary>Parses <paramref name="text"/>.</summary>
    public static JsonSettingsDocument Parse(string text)
    {
        var parser = new Parser(text);
        try
        {
            parser.SkipTrivia();
            if (parser.AtEnd)
            {
                throw new FormatException("the file is empty; a settings file must contain a JSON object");
            }

            if (parser.Current != '{')
            {
                throw new FormatException("the top-level value must be a JSON object");
            }

            parser.ReadValue(string.Empty, default, 0);
            parser.SkipTrivia();
            if (!parser.AtEnd)
            {
                throw new FormatException("unexpected text after the top-level object");
            }

            // The configuration provider rejects a key that appears twice (keys are case-insensitive), so this reader does too.
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var setting in parser.Settings)
            {
                if (!seen.Add(setting.Path))
                {
                    return new JsonSettingsDocument(
                        ImmutableArray<JsonSetting>.Empty,
                        string.Format(CultureInfo.InvariantCulture, "the key '{0}' appears twice; configuration keys are case-insensitive", setting.Path),
                        setting.KeySpan);
                }
            }

            return new JsonSettingsDocument(parser.Settings.ToImmutable(), null, default);
        }
        catch (FormatException e)
        {
            var at = Math.Min(parser.Position, text.Length);
            return new JsonSettingsDocument(ImmutableArray<JsonSetting>.Empty, e.Message, new TextSpan(at, at < text.Length ? 1 : 0));
        }
    }

    private sealed class Parser
    {
        private readonly string _text;

        public Parser(string text) => _text = text;

        public ImmutableArray<JsonSetting>.Builder Settings { get; } = ImmutableArray.CreateBuilder<JsonSetting>();

        public int Position { get; private set; }

        public bool AtEnd => Position >= _text.Length;

        public char Current => _text[Position];

        public void SkipTrivia()
        {
            while (!AtEnd)
            {
                var c = Current;
                if (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
                {
                    Position++;
                }
                else if (c == '/' && Position + 1 < _text.Length && _text[Position + 1] == '/')
                {
                    while (!AtEnd && Current is not ('\n' or '\r'))
                    {
                        Position++;
                    }
                }
                else if (c == '/' && Position + 1 < _text.Length && _text[Position + 1] == '*')
                {
                    var end = _text.IndexOf("*/", Position + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw new FormatException("a /* comment is not closed");
                    }

                    Position = end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        /// <summary>Reads the value at the current position (trivia skipped) under <paramref name="path"/>.</summary>
        public void ReadValue(string path, TextSpan keySpan, int depth)
        {
            if (AtEnd)
            {
                throw new FormatException("the file ends where a value was expected");
            }

            var start = Position;
            switch (Current)
            {
                case '{':
                    ReadObject(path, keySpan, depth + 1);
                    return;
                case '[':
                    ReadArray(path, keySpan, depth + 1);
                    return;
                case '"':
                    var value = ReadString();
                    Add(path, JsonSettingKind.String, value, keySpan, start);
                    return;
                case 't':
                    ReadWord("true");
                    Add(path, JsonSettingKind.True, "True", keySpan, start);
                    return;
                case 'f':
                    ReadWord("false");
                    Add(path, JsonSettingKind.False, "False", keySpan, start);
                    return;
                case 'n':
                    ReadWord("null");
                    Add(path, JsonSettingKind.Null, string.Empty, keySpan, start);
                    return;
                default:
                    if (Current == '-' || char.IsDigit(Current))
                    {
                        Add(path, JsonSettingKind.Number, ReadNumber(), keySpan, start);
                        return;
                    }

                    throw new FormatException(string.Format(CultureInfo.InvariantCulture, "unexpected character '{0}' where a value was expected", Current));
            }
        }

        private void Add(string path, JsonSettingKind kind, string value, TextSpan keySpan, int start)
        {
            var valueSpan = TextSpan.FromBounds(start, Position);
            Settings.Add(new JsonSetting(path, kind, value, keySpan.IsEmpty ? valueSpan : keySpan, valueSpan));
        }

        private void ReadObject(string path, TextSpan keySpan, int depth)
        {
            CheckDepth(depth);
            var start = Position;
            Position++;
            var count = 0;
            while (true)
            {
                SkipTrivia();
                if (AtEnd)
                {
                    throw new FormatException("an object is not closed with '}'");
                }

                if (Current == '}')
                {
                    Position++;
                    break;
                }

                if (Current != '"')
                {
                    throw new FormatException("a property name in double quotes was expected");
                }

                var nameStart = Position;
                var name = ReadString();
                var nameSpan = TextSpan.FromBounds(nameStart, Position);
                SkipTrivia();
                if (AtEnd || Current != ':')
                {
                    throw new FormatException(string.Format(CultureInfo.InvariantCulture, "':' was expected after the property name \"{0}\"", name));
                }

                Position++;
                SkipTrivia();
                ReadValue(path.Length == 0 ? name : path + ":" + name, nameSpan, depth);
                count++;
                SkipTrivia();
                if (AtEnd)
                {
                    throw new FormatException("an object is not closed with '}'");
                }

                if (Current == ',')
                {
                    // A trailing comma before '}' is allowed, as the configuration provider allows it.
                    Position++;
                    continue;
                }

                if (Current != '}')
                {
                    throw new FormatException("',' or '}' was expected after a property value");
                }
            }

            if (count == 0 && path.Length > 0)
            {
                AddEmpty(path, keySpan, start);
            }
        }

        private void ReadArray(string path, TextSpan keySpan, int depth)
        {
            CheckDepth(depth);
            var start = Position;
            Position++;
            var index = 0;
            while (true)
            {
                SkipTrivia();
                if (AtEnd)
                {
                    throw new FormatException("an array is not closed with ']'");
                }

                if (Current == ']')
                {
                    Position++;
                    break;
                }

                ReadValue(path + ":" + index.ToString(CultureInfo.InvariantCulture), default, depth);
                index++;
                SkipTrivia();
                if (AtEnd)
                {
                    throw new FormatException("an array is not closed with ']'");
                }

                if (Current == ',')
                {
                    Position++;
                    continue;
                }

                if (Current != ']')
                {
                    throw new FormatException("',' or ']' was expected after an array element");
                }
            }

            if (index == 0)
            {
                AddEmpty(path, keySpan, start);
            }
        }

        private void AddEmpty(string path, TextSpan keySpan, int start)
        {
            var span = TextSpan.FromBounds(start, Position);
            Settings.Add(new JsonSetting(path, JsonSettingKind.Empty, string.Empty, keySpan.IsEmpty ? span : keySpan, span));
        }

        private static void CheckDepth(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new FormatException("the objects and arrays are nested too deeply");
            }
        }

        private string ReadString()
        {
            Position++;
            var builder = new StringBuilder();
            while (true)
            {
                if (AtEnd || Current is '\r' or '\n')
                {
                    throw new FormatException("a string is not closed with '\"'");
                }

                var c = Current;
                Position++;
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (AtEnd)
                {
                    throw new FormatException("a string is not closed with '\"'");
                }

                var escape = Current;
                Position++;
                switch (escape)
                {
                    case '"':
                    case '\\':
                    case '/':
                        builder.Append(escape);
                        break;
                    case 'b':
                        builder.Append('\b');
                        break;
                    case 'f':
                        builder.Append('\f');
                        break;
                    case 'n':
                        builder.Append('\n');
                        break;
                    case 'r':
                        builder.Append('\r');
                        break;
                    case 't':
                        builder.Append('\t');
                        break;
                    case 'u':
                        if (Position + 4 > _text.Length
                            || !int.TryParse(_text.Substring(Position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new FormatException("a \\u escape needs four hexadecimal digits");
                        }

                        builder.Append((char)code);
                        Position += 4;
                        break;
                    default:
                        Position--;
                        throw new FormatException(string.Format(CultureInfo.InvariantCulture, "'\\{0}' is not a valid escape in a string", escape));
                }
            }
        }

        private void ReadWord(string word)
        {
            if (string.CompareOrdinal(_text, Position, word, 0, word.Length) != 0
                || (Position + word.Length < _text.Length && char.IsLetterOrDigit(_text[Position + word.Length])))
            {
                throw new FormatException("unexpected word where a value was expected (strings need double quotes)");
            }

            Position += word.Length;
        }

        private string ReadNumber()
        {
            var start = Position;
            while (!AtEnd && (char.IsDigit(Current) || Current is '-' or '+' or '.' or 'e' or 'E'))
            {
                Position++;
            }

            var token = _text.Substring(start, Position - start);
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                Position = start;
                throw new FormatException(string.Format(CultureInfo.InvariantCulture, "'{0}' is not a valid number", token));
            }

            return token;
        }
    }
}
