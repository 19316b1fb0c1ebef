using System.Globalization;
using System.Text;

namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>
/// Splits a GraphQL document into tokens as the GraphQL specification's lexical grammar (October 2021) defines them:
/// punctuators, names, numbers, strings and block strings; white space, commas and comments are ignored.
/// </summary>
internal sealed class GraphQLLexer
{
    private readonly string _text;
    private int _at;
    private int _line = 1;
    private int _lineStart;

    private GraphQLLexer(string text) => _text = text;

    /// <summary>The document's tokens, ending with <see cref="GraphQLTokenKind.EndOfDocument"/>.</summary>
    /// <exception cref="GraphQLSyntaxException">A character or string the grammar does not allow.</exception>
    public static List<GraphQLToken> Tokenize(string text)
    {
        var lexer = new GraphQLLexer(text);
        var tokens = new List<GraphQLToken>();
        while (true)
        {
            var token = lexer.Next();
            tokens.Add(token);
            if (token.Kind == GraphQLTokenKind.EndOfDocument)
            {
                return tokens;
            }
        }
    }

    private int Column => _at - _lineStart + 1;

    private GraphQLToken Next()
    {
        SkipIgnored();
        if (_at >= _text.Length)
        {
            return new GraphQLToken(GraphQLTokenKind.EndOfDocument, string.Empty, _line, Column);
        }

        var line = _line;
        var column = Column;
        var c = _text[_at];
        if (c == '.' && string.CompareOrdinal(_text, _at, "...", 0, 3) == 0)
        {
            _at += 3;
            return new GraphQLToken(GraphQLTokenKind.Punctuator, "...", line, column);
        }

        if ("!$&():=@[]{}|".Contains(c, StringComparison.Ordinal))
        {
            _at++;
            return new GraphQLToken(GraphQLTokenKind.Punctuator, c.ToString(), line, column);
        }

        if (c == '_' || char.IsAsciiLetter(c))
        {
            var start = _at;
            while (_at < _text.Length && (_text[_at] == '_' || char.IsAsciiLetterOrDigit(_text[_at])))
            {
                _at++;
            }

            return new GraphQLToken(GraphQLTokenKind.Name, _text[start.._at], line, column);
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ReadNumber(line, column);
        }

        if (c == '"')
        {
            return string.CompareOrdinal(_text, _at, "\"\"\"", 0, 3) == 0 ? ReadBlockString(line, column) : ReadString(line, column);
        }

        throw new GraphQLSyntaxException($"Parse error on \"{c}\" (error) at [{line}, {column}]", line, column);
    }

    private void SkipIgnored()
    {
        while (_at < _text.Length)
        {
            var c = _text[_at];
            if (c == '\n')
            {
                NewLine(_at + 1);
            }
            else if (c == '#')
            {
                while (_at < _text.Length && _text[_at] != '\n')
                {
                    _at++;
                }

                continue;
            }
            else if (c is not (' ' or '\t' or '\r' or ',' or '\uFEFF'))
            {
                return;
            }

            _at++;
        }
    }

    private void NewLine(int nextLineStart)
    {
        _line++;
        _lineStart = nextLineStart;
    }

    private GraphQLToken ReadNumber(int line, int column)
    {
        var start = _at;
        var isFloat = false;
        if (_text[_at] == '-')
        {
            _at++;
        }

        ReadDigits(line, column);
        if (_at < _text.Length && _text[_at] == '.')
        {
            isFloat = true;
            _at++;
            ReadDigits(line, column);
        }

        if (_at < _text.Length && _text[_at] is 'e' or 'E')
        {
            isFloat = true;
            _at++;
            if (_at < _text.Length && _text[_at] is '+' or '-')
            {
                _at++;
            }

            ReadDigits(line, column);
        }

        return new GraphQLToken(isFloat ? GraphQLTokenKind.Float : GraphQLTokenKind.Int, _text[start.._at], line, column);
    }

    private void ReadDigits(int line, int column)
    {
        var start = _at;
        while (_at < _text.Length && char.IsAsciiDigit(_text[_at]))
        {
            _at++;
        }

        if (_at == start)
        {
            throw new GraphQLSyntaxException($"Parse error on \"{_text[..Math.Min(_text.Length, _at + 1)][Math.Max(0, _at - 1)..]}\" (error) at [{line}, {column}]", line, column);
        }
    }

    private GraphQLToken ReadString(int line, int column)
    {
        var value = new StringBuilder();
        _at++;
        while (_at < _text.Length)
        {
            var c = _text[_at];
            if (c == '"')
            {
                _at++;
                return new GraphQLToken(GraphQLTokenKind.String, value.ToString(), line, column);
            }

            if (c == '\n')
            {
                break;
            }

            if (c == '\\' && _at + 1 < _text.Length)
            {
                var escaped = _text[_at + 1];
                _at += 2;
                switch (escaped)
                {
                    case 'u' when _at + 4 <= _text.Length && int.TryParse(_text.AsSpan(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                        value.Append((char)code);
                        _at += 4;
                        break;
                    case '"' or '\\' or '/':
                        value.Append(escaped);
                        break;
                    case 'b':
                        value.Append('\b');
                        break;
                    case 'f':
                        value.Append('\f');
                        break;
                    case 'n':
                        value.Append('\n');
                        break;
                    case 'r':
                        value.Append('\r');
                        break;
                    case 't':
                        value.Append('\t');
                        break;
                    default:
                        throw new GraphQLSyntaxException($"Parse error on bad Unicode escape sequence at [{line}, {column}]", line, column);
                }

                continue;
            }

            value.Append(c);
            _at++;
        }

        throw new GraphQLSyntaxException($"Parse error on unterminated string at [{line}, {column}]", line, column);
    }

    private GraphQLToken ReadBlockString(int line, int column)
    {
        _at += 3;
        var start = _at;
        while (_at < _text.Length)
        {
            if (string.CompareOrdinal(_text, _at, "\"\"\"", 0, 3) == 0)
            {
                var raw = _text[start.._at].Replace("\\\"\"\"", "\"\"\"", StringComparison.Ordinal);
                _at += 3;
                return new GraphQLToken(GraphQLTokenKind.String, BlockStringValue(raw), line, column);
            }

            if (_text[_at] == '\n')
            {
                NewLine(_at + 1);
            }

            _at++;
        }

        throw new GraphQLSyntaxException($"Parse error on unterminated string at [{line}, {column}]", line, column);
    }

    // The specification's BlockStringValue: common indentation and blank first and last lines removed.
    private static string BlockStringValue(string raw)
    {
        var lines = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var indent = lines.Skip(1)
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Length - l.TrimStart(' ', '\t').Length)
            .DefaultIfEmpty(0)
            .Min();
        var kept = lines.Select((l, i) => i == 0 ? l : l[Math.Min(indent, l.Length)..]).ToList();
        while (kept.Count > 0 && kept[0].Trim().Length == 0)
        {
            kept.RemoveAt(0);
        }

        while (kept.Count > 0 && kept[^1].Trim().Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return string.Join('\n', kept);
    }
}
