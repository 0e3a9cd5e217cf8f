using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IstioTutor.Sandbox.Pods;

namespace IstioTutor.Sandbox.Shell;

/// <summary>
/// Runs what <c>kubectl exec</c> asks for inside a pod, entirely in the sandbox: no process is ever started.
/// It knows <c>sh -c</c> scripts (see <see cref="ShellParser"/>), curl (each request a simulated one from this
/// pod, see <see cref="CurlCommand"/>) and a few harmless commands; anything else is "not found" (127).
/// Every exec is bounded by <see cref="ExecLimits"/>.
/// </summary>
internal sealed partial class SimulatedShell(PodFacts pod, string container, PodNetwork network, PodFiles files, ExecLimits limits)
{
    private static readonly HashSet<string> Shells = ["sh", "bash", "ash", "/bin/sh", "/bin/bash", "/bin/ash", "/usr/bin/bash"];

    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private ShellBudget _budget = null!;
    private int _lastStatus;

    /// <summary>Whether the command reads a script from standard input (a shell given no -c and no file).</summary>
    public static bool ReadsStdin(IReadOnlyList<string> argv) => argv.Count == 1 && Shells.Contains(argv[0]);

    public ShellResult Run(IReadOnlyList<string> argv, string? stdin, CancellationToken cancellation)
    {
        _budget = new ShellBudget(limits, cancellation);
        var output = new ShellOutput(_budget);
        var error = new ShellOutput(_budget);
        int code;
        try
        {
            code = Start(argv, stdin ?? "", output, error);
        }
        catch (ShellSyntaxException e)
        {
            error.Write(e.Message + "\n");
            code = 2;
        }
        catch (ShellExit e)
        {
            return new ShellResult(output.ToString(), error.ToString(), e.Code) { Exited = true };
        }
        catch (ShellLimitException e)
        {
            // The cap is spent: write the notice past it so the learner sees why the output stops.
            code = 124;
            return new ShellResult(output.ToString(), error + e.Message + "\n", code);
        }

        return new ShellResult(output.ToString(), error.ToString(), code);
    }

    private int Start(IReadOnlyList<string> argv, string stdin, ShellOutput output, ShellOutput error)
    {
        foreach (var (name, value) in Environment())
        {
            _variables.TryAdd(name, value);
        }

        if (argv.Count == 0)
        {
            error.Write("sandbox: no command given\n");
            return 1;
        }

        if (Shells.Contains(argv[0]))
        {
            var name = Path.GetFileName(argv[0]);
            if (argv.Count >= 2 && argv[1] == "-c")
            {
                return argv.Count >= 3 ? Script(argv[2], stdin, output, error) : Fail(error, $"{name}: -c requires an argument", 2);
            }

            if (argv.Count >= 2 && argv[1].StartsWith('-'))
            {
                return Fail(error, $"{name}: {argv[1]}: the sandbox shell takes only -c SCRIPT (or a script on standard input)", 2);
            }

            return argv.Count >= 2 ? Fail(error, $"{name}: can't open '{argv[1]}': No such file or directory", 2) : Script(stdin, "", output, error);
        }

        _budget.Command();
        return Command([.. argv], new ShellIo(stdin, output, error), direct: true);
    }

    private int Script(string script, string stdin, ShellOutput output, ShellOutput error)
    {
        if (script.Length > limits.MaxScriptChars)
        {
            return Fail(error, $"sh: the script is {script.Length} characters; the sandbox shell runs scripts up to {limits.MaxScriptChars}", 2);
        }

        if (script.Any(c => c == '\0' || (char.IsControl(c) && c is not ('\n' or '\t' or '\r'))))
        {
            return Fail(error, "sh: the script contains binary (control) characters; the sandbox shell runs text only", 2);
        }

        return Execute(ShellParser.Parse(script), new ShellIo(stdin, output, error));
    }

    private int Execute(ShellNode node, ShellIo io)
    {
        switch (node)
        {
            case ShellNode.Sequence sequence:
                foreach (var item in sequence.Items)
                {
                    _lastStatus = Execute(item, io);
                }

                return _lastStatus;
            case ShellNode.AndOr andOr:
                _lastStatus = Execute(andOr.First, io);
                foreach (var (op, next) in andOr.Rest)
                {
                    if ((op == "&&") == (_lastStatus == 0))
                    {
                        _lastStatus = Execute(next, io);
                    }
                }

                return _lastStatus;
            case ShellNode.Pipeline pipeline:
                var input = io.Stdin;
                for (var i = 0; i < pipeline.Commands.Count; i++)
                {
                    var last = i == pipeline.Commands.Count - 1;
                    var captured = last ? io.Out : new ShellOutput(_budget);
                    _lastStatus = Execute(pipeline.Commands[i], io with { Stdin = input, Out = captured });
                    input = captured.ToString();
                }

                return _lastStatus;
            case ShellNode.For loop:
                var items = loop.Items.SelectMany(Expand).ToList();
                if (items.Count > limits.MaxLoopItems)
                {
                    throw new ShellLimitException($"sandbox: a for loop over {items.Count} items; the sandbox shell runs at most {limits.MaxLoopItems}");
                }

                _lastStatus = 0;
                foreach (var item in items)
                {
                    _variables[loop.Variable] = item;
                    _lastStatus = Execute(loop.Body, io);
                }

                return _lastStatus;
            case ShellNode.Simple simple:
                _budget.Command();
                return _lastStatus = Simple(simple, io);
            default:
                return 2;
        }
    }

    private int Simple(ShellNode.Simple command, ShellIo io)
    {
        var argv = command.Words.SelectMany(Expand).ToList();
        var (output, error) = (io.Out, io.Err);
        var stdin = io.Stdin;
        foreach (var redirect in command.Redirects)
        {
            var target = redirect.Target is null ? null : string.Concat(Expand(redirect.Target));
            switch (redirect.Operator)
            {
                case ">" or ">>" or "&>" when target == "/dev/null":
                    output = new ShellOutput(_budget);
                    error = redirect.Operator == "&>" ? new ShellOutput(_budget) : error;
                    break;
                case "2>" or "2>>" when target == "/dev/null":
                    error = new ShellOutput(_budget);
                    break;
                case "<" when target == "/dev/null":
                    stdin = "";
                    break;
                case "2>&1":
                    error = output;
                    break;
                case ">&2" or "1>&2":
                    output = error;
                    break;
                case ">&1" or "2>&2":
                    break;
                case "<":
                    return Fail(io.Err, $"sh: can't open {target}: no such file", 1);
                default:
                    return Fail(io.Err, $"sh: can't create {target}: Read-only file system", 1);
            }
        }

        if (argv.Count == 0)
        {
            return 0;
        }

        return Command(argv, new ShellIo(stdin, output, error), direct: false);
    }

    private int Command(List<string> argv, ShellIo io, bool direct)
    {
        var name = argv[0];
        var program = name.Contains('/') ? Path.GetFileName(name) : name;
        var args = argv.Skip(1).ToList();
        switch (program)
        {
            case "curl":
                _budget.Request();
                return new CurlCommand(network, files, pod, _budget).Run(args, io);
            case "echo":
                return Echo(args, io);
            case "printf":
                io.Out.Write(args.Count == 0 ? "" : Unescape(string.Format(CultureInfo.InvariantCulture, PrintfFormat(args[0]), args.Skip(1).Cast<object>().Concat(Enumerable.Repeat((object)"", 10)).ToArray())));
                return 0;
            case "true" or ":":
                return 0;
            case "false":
                return 1;
            case "exit":
                throw new ShellExit(args.Count > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var code) ? code & 0xff : _lastStatus);
            case "hostname":
                io.Out.Write(pod.Name + "\n");
                return 0;
            case "pwd":
                io.Out.Write("/\n");
                return 0;
            case "whoami":
                io.Out.Write(container == PodFacts.ProxyContainer ? "istio-proxy\n" : "root\n");
                return 0;
            case "env" or "printenv":
                return Env(args, io);
            case "date":
                io.Out.Write(DateTimeOffset.UtcNow.ToString("ddd MMM d HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture) + "\n");
                return 0;
            case "sleep":
                return Sleep(args, io);
            case "seq":
                return Seq(args, io);
            case "cat":
                return Cat(args, io);
            case "ls":
                return Ls(args, io);
            case "grep":
                return Grep(args, io);
            case "head" or "tail":
                return HeadTail(program, args, io);
            case "wc":
                return Wc(args, io);
            case "sort":
                io.Out.Write(string.Concat(Lines(io.Stdin).OrderBy(l => l, StringComparer.Ordinal).Select(l => l + "\n")));
                return 0;
            case "uniq":
                return Uniq(args, io);
            default:
                var shown = Printable(name);
                return direct
                    ? Fail(io.Err, $"OCI runtime exec failed: exec failed: unable to start container process: exec: \"{shown}\": executable file not found in $PATH: unknown", 127)
                    : Fail(io.Err, $"sh: {shown}: not found", 127);
        }
    }

    private IEnumerable<KeyValuePair<string, string>> Environment() =>
    [
        KeyValuePair.Create("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
        KeyValuePair.Create("HOSTNAME", pod.Name),
        KeyValuePair.Create("HOME", "/root"),
        KeyValuePair.Create("POD_NAMESPACE", pod.Namespace),
        KeyValuePair.Create("KUBERNETES_SERVICE_HOST", "10.96.0.1"),
        KeyValuePair.Create("KUBERNETES_SERVICE_PORT", "443"),
    ];

    /// <summary>A word after variable expansion and <c>$(seq ...)</c>; unquoted expansions split on whitespace.</summary>
    private IEnumerable<string> Expand(ShellWord word)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var any = false;
        foreach (var piece in word.Pieces)
        {
            switch (piece.Quoting)
            {
                case ShellWord.Quoting.Single:
                    current.Append(piece.Text);
                    any = true;
                    break;
                case ShellWord.Quoting.Double:
                    current.Append(Variables(piece.Text));
                    any = true;
                    break;
                case ShellWord.Quoting.Substitution:
                    Split(Substitute(piece.Text), fields, current, ref any);
                    break;
                default:
                    var text = piece.Text;
                    if (text.Contains('$', StringComparison.Ordinal))
                    {
                        Split(Variables(text), fields, current, ref any);
                    }
                    else
                    {
                        current.Append(text);
                        any = true;
                    }

                    break;
            }
        }

        if (any || current.Length > 0)
        {
            fields.Add(current.ToString());
        }

        return fields;
    }

    private static void Split(string value, List<string> fields, StringBuilder current, ref bool any)
    {
        var parts = value.Split([' ', '\t', '\n'], StringSplitOptions.None);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                if (current.Length > 0 || any)
                {
                    fields.Add(current.ToString());
                }

                current.Clear();
                any = false;
            }

            current.Append(parts[i]);
            any |= parts[i].Length > 0;
        }
    }

    private string Substitute(string command)
    {
        var argv = command.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Variables).ToList();
        if (argv is not ["seq", ..])
        {
            throw new ShellSyntaxException($"sh: command substitution $({Printable(command)}) is not run by the sandbox shell; only $(seq FIRST LAST) is, for loops");
        }

        var output = new ShellOutput(_budget);
        var status = Seq(argv.Skip(1).ToList(), new ShellIo("", output, output));
        return status == 0 ? output.ToString().TrimEnd('\n') : throw new ShellSyntaxException("seq: " + output.ToString().Trim());
    }

    private string Variables(string text) => VariableReference().Replace(text, m =>
    {
        var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
        return name == "?" ? _lastStatus.ToString(CultureInfo.InvariantCulture) : _variables.GetValueOrDefault(name, "");
    });

    private int Echo(List<string> args, ShellIo io)
    {
        var newline = true;
        var escapes = false;
        while (args.Count > 0 && args[0] is "-n" or "-e" or "-ne" or "-en")
        {
            newline &= !args[0].Contains('n', StringComparison.Ordinal);
            escapes |= args[0].Contains('e', StringComparison.Ordinal);
            args.RemoveAt(0);
        }

        var text = string.Join(' ', args);
        io.Out.Write((escapes ? Unescape(text) : text) + (newline ? "\n" : ""));
        return 0;
    }

    private int Env(List<string> args, ShellIo io)
    {
        if (args.Count > 0)
        {
            return _variables.TryGetValue(args[0], out var value) ? Write(io, value + "\n") : 1;
        }

        io.Out.Write(string.Concat(Environment().Select(kv => $"{kv.Key}={kv.Value}\n")));
        return 0;
    }

    private int Sleep(List<string> args, ShellIo io)
    {
        if (args.Count == 0 || !double.TryParse(args[0].TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
        {
            return Fail(io.Err, args.Count == 0 ? "sleep: missing operand" : $"sleep: invalid number '{Printable(args[0])}'", 1);
        }

        var wait = TimeSpan.FromSeconds(Math.Min(seconds, Math.Min(limits.MaxSleep.TotalSeconds, Math.Max(0, _budget.Remaining.TotalSeconds))));
        _budget.Cancellation.WaitHandle.WaitOne(wait);
        return 0;
    }

    private int Seq(List<string> args, ShellIo io)
    {
        var numbers = args.Select(a => long.TryParse(a, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : (long?)null).ToList();
        if (numbers.Count is < 1 or > 3 || numbers.Any(n => n is null))
        {
            return Fail(io.Err, args.Count == 0 ? "seq: missing operand" : "seq: invalid argument", 1);
        }

        var (first, step, last) = numbers.Count switch
        {
            1 => (1L, 1L, numbers[0]!.Value),
            2 => (numbers[0]!.Value, 1L, numbers[1]!.Value),
            _ => (numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value),
        };
        if (step == 0)
        {
            return Fail(io.Err, "seq: invalid Zero increment value: '0'", 1);
        }

        var count = last < first == step < 0 ? ((last - first) / step) + 1 : 0;
        if (count > limits.MaxLoopItems)
        {
            throw new ShellLimitException($"sandbox: seq of {count} numbers; the sandbox shell counts to at most {limits.MaxLoopItems}");
        }

        var text = new StringBuilder();
        for (var i = 0L; i < count; i++)
        {
            text.Append((first + (i * step)).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        io.Out.Write(text.ToString());
        return 0;
    }

    private int Cat(List<string> args, ShellIo io)
    {
        if (args.Count == 0 || args is ["-"])
        {
            io.Out.Write(io.Stdin);
            return 0;
        }

        var status = 0;
        foreach (var file in args)
        {
            if (FileText(file) is { } text)
            {
                io.Out.Write(text);
            }
            else
            {
                status = Fail(io.Err, $"cat: can't open '{Printable(file)}': No such file or directory", 1);
            }
        }

        return status;
    }

    private string? FileText(string path) => path switch
    {
        "/etc/hostname" => pod.Name + "\n",
        "/etc/hosts" => $"# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n{pod.Ip}\t{pod.Name}\n",
        "/etc/resolv.conf" => $"search {pod.Namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n",
        "/etc/os-release" => "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.22.1\nPRETTY_NAME=\"Alpine Linux v3.22\"\n",
        _ => files.Read($"{pod.Namespace}/{pod.Name}", CurlCommand.FilePath(path)),
    };

    private int Ls(List<string> args, ShellIo io)
    {
        var path = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "/";
        string[] root = ["bin", "dev", "etc", "home", "lib", "media", "mnt", "opt", "proc", "root", "run", "sbin", "srv", "sys", "tmp", "usr", "var"];
        var listing = path switch
        {
            "/" => root,
            "/etc" => ["hostname", "hosts", "os-release", "resolv.conf"],
            "/tmp" => files.List($"{pod.Namespace}/{pod.Name}").Where(f => f.StartsWith("/tmp/", StringComparison.Ordinal)).Select(f => f[5..]).Order(StringComparer.Ordinal).ToArray(),
            _ => null,
        };
        return listing is null
            ? Fail(io.Err, $"ls: {Printable(path)}: No such file or directory", 1)
            : Write(io, string.Concat(listing.Select(l => l + "\n")));
    }

    private int Grep(List<string> args, ShellIo io)
    {
        var flags = args.TakeWhile(a => a.StartsWith('-') && a.Length > 1).ToList();
        var rest = args.Skip(flags.Count).ToList();
        if (rest.Count == 0)
        {
            return Fail(io.Err, "Usage: grep [-icovqE] PATTERN", 2);
        }

        if (rest.Count > 1)
        {
            return Fail(io.Err, $"grep: {Printable(rest[1])}: No such file or directory", 2);
        }

        var letters = string.Concat(flags.Select(f => f.TrimStart('-')));
        var options = letters.Contains('i', StringComparison.Ordinal) ? RegexOptions.IgnoreCase : RegexOptions.None;
        Regex pattern;
        try
        {
            pattern = new Regex(letters.Contains('F', StringComparison.Ordinal) ? Regex.Escape(rest[0]) : BasicToExtended(rest[0], letters.Contains('E', StringComparison.Ordinal)), options | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        }
        catch (ArgumentException)
        {
            return Fail(io.Err, "grep: bad regex", 2);
        }

        var invert = letters.Contains('v', StringComparison.Ordinal);
        var matched = 0;
        var text = new StringBuilder();
        try
        {
            foreach (var line in Lines(io.Stdin))
            {
                var hit = pattern.IsMatch(line) != invert;
                if (!hit)
                {
                    continue;
                }

                matched++;
                if (letters.Contains('o', StringComparison.Ordinal) && !invert)
                {
                    foreach (Match m in pattern.Matches(line))
                    {
                        text.Append(m.Value).Append('\n');
                    }
                }
                else
                {
                    text.Append(line).Append('\n');
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return Fail(io.Err, "grep: pattern too costly", 2);
        }

        if (letters.Contains('c', StringComparison.Ordinal))
        {
            io.Out.Write(matched.ToString(CultureInfo.InvariantCulture) + "\n");
        }
        else if (!letters.Contains('q', StringComparison.Ordinal))
        {
            io.Out.Write(text.ToString());
        }

        return matched > 0 ? 0 : 1;
    }

    /// <summary>grep's basic regular expressions: \( \) \| \+ are operators, bare ( ) | + are literal.</summary>
    private static string BasicToExtended(string pattern, bool extended)
    {
        if (extended)
        {
            return pattern;
        }

        var result = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '(' or ')' or '|' or '+' or '?' or '{' or '}')
            {
                result.Append(pattern[++i]);
            }
            else if (c is '(' or ')' or '|' or '+' or '?' or '{' or '}')
            {
                result.Append('\\').Append(c);
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private int HeadTail(string program, List<string> args, ShellIo io)
    {
        var count = 10;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            var value = a == "-n" && i + 1 < args.Count ? args[++i] : a.StartsWith("-n", StringComparison.Ordinal) ? a[2..] : a.StartsWith('-') ? a[1..] : null;
            if (value is null || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count))
            {
                return Fail(io.Err, $"{program}: invalid number '{Printable(value ?? a)}'", 1);
            }
        }

        var lines = Lines(io.Stdin).ToList();
        var chosen = program == "head" ? lines.Take(count) : lines.Skip(Math.Max(0, lines.Count - count));
        io.Out.Write(string.Concat(chosen.Select(l => l + "\n")));
        return 0;
    }

    private int Wc(List<string> args, ShellIo io)
    {
        var lines = io.Stdin.Count(c => c == '\n');
        var words = io.Stdin.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
        var chars = Encoding.UTF8.GetByteCount(io.Stdin);
        var text = args switch
        {
            ["-l"] => lines.ToString(CultureInfo.InvariantCulture),
            ["-w"] => words.ToString(CultureInfo.InvariantCulture),
            ["-c"] => chars.ToString(CultureInfo.InvariantCulture),
            _ => string.Create(CultureInfo.InvariantCulture, $"{lines,7} {words,7} {chars,7}"),
        };
        io.Out.Write(text + "\n");
        return 0;
    }

    private int Uniq(List<string> args, ShellIo io)
    {
        var counted = args.Contains("-c");
        var text = new StringBuilder();
        foreach (var run in Runs(Lines(io.Stdin)))
        {
            text.Append(counted ? string.Create(CultureInfo.InvariantCulture, $"{run.Count,7} {run.Line}\n") : run.Line + "\n");
        }

        io.Out.Write(text.ToString());
        return 0;
    }

    private static IEnumerable<(string Line, int Count)> Runs(IEnumerable<string> lines)
    {
        string? previous = null;
        var count = 0;
        foreach (var line in lines)
        {
            if (line == previous)
            {
                count++;
                continue;
            }

            if (previous is not null)
            {
                yield return (previous, count);
            }

            (previous, count) = (line, 1);
        }

        if (previous is not null)
        {
            yield return (previous, count);
        }
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');

    private static string PrintfFormat(string format)
    {
        var index = 0;
        return PrintfDirective().Replace(format.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal), m => m.Value == "%%" ? "%" : $"{{{index++}}}");
    }

    private static string Unescape(string text) => text.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    private static int Write(ShellIo io, string text)
    {
        io.Out.Write(text);
        return 0;
    }

    private static int Fail(ShellOutput error, string message, int code)
    {
        error.Write(message + "\n");
        return code;
    }

    /// <summary>A name as it can be shown back: control characters escaped, at most 80 characters.</summary>
    public static string Printable(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Take(80))
        {
            shown.Append(char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString());
        }

        return text.Length > 80 ? shown + "..." : shown.ToString();
    }

    [GeneratedRegex(@"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*|\?))")]
    private static partial Regex VariableReference();

    [GeneratedRegex("%%|%[-0-9.]*[sdif]")]
    private static partial Regex PrintfDirective();

    /// <summary>The script called <c>exit</c>.</summary>
    private sealed class ShellExit(int code) : Exception
    {
        public int Code { get; } = code;
    }
}
