using System.Text;

namespace IstioTutor.Sandbox.Shell;

/// <summary>
/// Parses the part of POSIX sh that istio.io's tasks use inside <c>sh -c</c>: words with quotes and
/// backslashes, <c>;</c>, newlines, <c>&amp;&amp;</c>, <c>||</c>, <c>|</c>, redirections, and
/// <c>for VAR in WORDS; do ...; done</c>. Backticks, <c>$(...)</c> other than <c>$(seq ...)</c>, subshells,
/// background jobs, <c>while</c>/<c>if</c> and functions are refused with a message, never run.
/// </summary>
internal sealed class ShellParser
{
    private const int MaxDepth = 8;

    private readonly List<object> _tokens = [];
    private int _position;
    private int _depth;

    private ShellParser(string script) => Tokenize(script);

    public static ShellNode Parse(string script)
    {
        var parser = new ShellParser(script);
        var node = parser.ParseSequence(stopAt: null);
        if (parser._position < parser._tokens.Count)
        {
            throw new ShellSyntaxException($"sh: syntax error: unexpected \"{Describe(parser._tokens[parser._position])}\"");
        }

        return node;
    }

    private ShellNode ParseSequence(string? stopAt)
    {
        if (++_depth > MaxDepth)
        {
            throw new ShellSyntaxException($"sh: loops nested deeper than {MaxDepth} are not run by the sandbox shell");
        }

        var items = new List<ShellNode>();
        while (_position < _tokens.Count)
        {
            if (_tokens[_position] is string op && (op is ";" or "\n"))
            {
                _position++;
                continue;
            }

            if (stopAt is not null && Peek() is ShellWord w && w.Plain == stopAt)
            {
                break;
            }

            if (_tokens[_position] is string other && other is ")" or "&")
            {
                throw new ShellSyntaxException(other == "&"
                    ? "sh: background jobs (&) are not run by the sandbox shell"
                    : "sh: syntax error: unexpected \")\"");
            }

            items.Add(ParseAndOr());
        }

        _depth--;
        return items.Count == 1 ? items[0] : new ShellNode.Sequence(items);
    }

    private ShellNode ParseAndOr()
    {
        var first = ParsePipeline();
        var rest = new List<(string, ShellNode)>();
        while (Peek() is string op && op is "&&" or "||")
        {
            _position++;
            SkipNewlines();
            rest.Add((op, ParsePipeline()));
        }

        return rest.Count == 0 ? first : new ShellNode.AndOr(first, rest);
    }

    private ShellNode ParsePipeline()
    {
        var commands = new List<ShellNode> { ParseCommand() };
        while (Peek() is "|")
        {
            _position++;
            SkipNewlines();
            commands.Add(ParseCommand());
        }

        return commands.Count == 1 ? commands[0] : new ShellNode.Pipeline(commands);
    }

    private ShellNode ParseCommand()
    {
        if (Peek() is ShellWord word && word.Plain is { } keyword)
        {
            switch (keyword)
            {
                case "for":
                    return ParseFor();
                case "while" or "until" or "if" or "case" or "function" or "select":
                    throw new ShellSyntaxException($"sh: '{keyword}' is not run by the sandbox shell; it runs simple commands, pipes, && and ||, and for loops such as: for i in $(seq 1 10); do curl -s ...; done");
                case "{" or "(":
                    throw new ShellSyntaxException("sh: command groups are not run by the sandbox shell");
            }
        }

        if (Peek() is "(")
        {
            throw new ShellSyntaxException("sh: subshells are not run by the sandbox shell");
        }

        var words = new List<ShellWord>();
        var redirects = new List<ShellNode.Redirect>();
        while (_position < _tokens.Count)
        {
            var token = _tokens[_position];
            if (token is ShellWord w)
            {
                words.Add(w);
                _position++;
            }
            else if (token is string op && op is ">" or ">>" or "<" or "2>" or "2>>" or "1>" or "&>")
            {
                _position++;
                if (Peek() is not ShellWord target)
                {
                    throw new ShellSyntaxException("sh: syntax error: unexpected end of file (a redirection needs a file name)");
                }

                _position++;
                redirects.Add(new ShellNode.Redirect(op, target));
            }
            else if (token is string dup && dup is "2>&1" or ">&2" or "1>&2" or ">&1" or "2>&2")
            {
                _position++;
                redirects.Add(new ShellNode.Redirect(dup, null));
            }
            else
            {
                break;
            }
        }

        if (words.Count == 0 && redirects.Count == 0)
        {
            throw new ShellSyntaxException($"sh: syntax error: unexpected \"{(_position < _tokens.Count ? Describe(_tokens[_position]) : "end of file")}\"");
        }

        return new ShellNode.Simple(words, redirects);
    }

    private ShellNode ParseFor()
    {
        _position++;
        if (Peek() is not ShellWord { Plain: { } variable } || !IsName(variable))
        {
            throw new ShellSyntaxException("sh: syntax error: bad for loop variable");
        }

        _position++;
        var items = new List<ShellWord>();
        if (Peek() is ShellWord { Plain: "in" })
        {
            _position++;
            while (Peek() is ShellWord item)
            {
                items.Add(item);
                _position++;
            }
        }

        if (Peek() is ";" or "\n")
        {
            _position++;
        }

        SkipNewlines();
        if (Peek() is not ShellWord { Plain: "do" })
        {
            throw new ShellSyntaxException("sh: syntax error: unexpected end of file (expecting \"do\")");
        }

        _position++;
        var body = ParseSequence(stopAt: "done");
        if (Peek() is not ShellWord { Plain: "done" })
        {
            throw new ShellSyntaxException("sh: syntax error: unexpected end of file (expecting \"done\")");
        }

        _position++;
        return new ShellNode.For(variable, items, body);
    }

    private object? Peek() => _position < _tokens.Count ? _tokens[_position] : null;

    private void SkipNewlines()
    {
        while (Peek() is "\n")
        {
            _position++;
        }
    }

    public static bool IsName(string text) => text.Length > 0 && (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string Describe(object token) => token switch
    {
        string op => op == "\n" ? "newline" : op,
        ShellWord w => string.Concat(w.Pieces.Select(p => p.Text)),
        _ => "?",
    };

    private void Tokenize(string s)
    {
        var pieces = new List<ShellWord.Piece>();
        var current = new StringBuilder();
        var inWord = false;

        void FlushLiteral()
        {
            if (current.Length > 0)
            {
                pieces.Add(new ShellWord.Piece(current.ToString(), ShellWord.Quoting.None));
                current.Clear();
            }
        }

        void EndWord()
        {
            FlushLiteral();
            if (inWord)
            {
                _tokens.Add(new ShellWord([.. pieces]));
            }

            pieces.Clear();
            inWord = false;
        }

        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is ' ' or '\t' or '\r')
            {
                EndWord();
                i++;
            }
            else if (c == '#' && !inWord)
            {
                while (i < s.Length && s[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '\\')
            {
                inWord = true;
                if (i + 1 < s.Length && s[i + 1] == '\n')
                {
                    i += 2;
                    continue;
                }

                FlushLiteral();
                pieces.Add(new ShellWord.Piece(i + 1 < s.Length ? s[i + 1].ToString() : "", ShellWord.Quoting.Single));
                i += 2;
            }
            else if (c == '\'')
            {
                var end = s.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw new ShellSyntaxException("sh: syntax error: unterminated quoted string");
                }

                FlushLiteral();
                inWord = true;
                pieces.Add(new ShellWord.Piece(s[(i + 1)..end], ShellWord.Quoting.Single));
                i = end + 1;
            }
            else if (c == '"')
            {
                var text = new StringBuilder();
                var j = i + 1;
                while (j < s.Length && s[j] != '"')
                {
                    if (s[j] == '\\' && j + 1 < s.Length && s[j + 1] is '"' or '\\' or '$' or '`')
                    {
                        text.Append(s[j + 1]);
                        j += 2;
                        continue;
                    }

                    if (s[j] == '`' || (s[j] == '$' && j + 1 < s.Length && s[j + 1] == '('))
                    {
                        throw new ShellSyntaxException("sh: command substitution inside quotes is not run by the sandbox shell");
                    }

                    text.Append(s[j]);
                    j++;
                }

                if (j >= s.Length)
                {
                    throw new ShellSyntaxException("sh: syntax error: unterminated quoted string");
                }

                FlushLiteral();
                inWord = true;
                pieces.Add(new ShellWord.Piece(text.ToString(), ShellWord.Quoting.Double));
                i = j + 1;
            }
            else if (c == '`')
            {
                throw new ShellSyntaxException("sh: command substitution with backticks is not run by the sandbox shell");
            }
            else if (c == '$' && i + 1 < s.Length && s[i + 1] == '(')
            {
                var end = s.IndexOf(')', i + 2);
                if (end < 0 || (i + 2 < s.Length && s[i + 2] == '('))
                {
                    throw new ShellSyntaxException("sh: arithmetic and unterminated $( ) are not run by the sandbox shell");
                }

                FlushLiteral();
                inWord = true;
                pieces.Add(new ShellWord.Piece(s[(i + 2)..end], ShellWord.Quoting.Substitution));
                i = end + 1;
            }
            else if (c is ';' or '\n' or '|' or '&' or '<' or '>' or '(' or ')')
            {
                var fd = "";
                if (c == '>' && pieces.Count == 0 && current.ToString() is "1" or "2")
                {
                    fd = current.ToString();
                    current.Clear();
                    inWord = false;
                }

                EndWord();
                var op = Operator(s, i);
                i += op.Length;
                var full = fd + op;
                _tokens.Add(full switch { "1>" => ">", "1>>" => ">>", _ => full });
            }
            else
            {
                inWord = true;
                current.Append(c);
                i++;
            }
        }

        EndWord();
    }

    /// <summary>The operator starting at <paramref name="i"/> (a file descriptor before it is the caller's).</summary>
    private static string Operator(string s, int i)
    {
        string Next(int k) => k < s.Length ? s[k].ToString() : "";
        var c = s[i];
        return c switch
        {
            '&' when Next(i + 1) == "&" => "&&",
            '&' when Next(i + 1) == ">" => "&>",
            '|' when Next(i + 1) == "|" => "||",
            '>' when Next(i + 1) == ">" => ">>",
            '>' when Next(i + 1) == "&" && Next(i + 2) is "1" or "2" => ">&" + Next(i + 2),
            _ => c.ToString(),
        };
    }
}
