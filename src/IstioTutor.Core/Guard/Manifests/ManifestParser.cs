using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace IstioTutor.Core.Guard.Manifests;

/// <summary>
/// Reads learner YAML into JSON objects from YamlDotNet's parser events, so no object graph is built
/// before the limits are checked: anchors and aliases are refused outright (no billion laughs), nesting
/// depth, node count, document count and size are capped, and every refusal names the line.
/// Scalars are typed by the YAML 1.2 core schema (quoted scalars stay strings), as Kubernetes reads them.
/// </summary>
public sealed class ManifestParser(ManifestLimits limits)
{
    public IReadOnlyList<ManifestDocument> Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (yaml.Length > limits.MaxChars)
        {
            throw GuardException.Policy(
                "too-large",
                $"The manifest is {yaml.Length:N0} characters; the limit is {limits.MaxChars:N0}. Nothing was changed — apply fewer or smaller documents at a time.",
                $"매니페스트가 {yaml.Length:N0}자로 한도 {limits.MaxChars:N0}자를 넘습니다. 아무것도 바꾸지 않았습니다. 문서를 나누어 더 작게 적용하세요.");
        }

        var reader = new Reader(new Parser(new StringReader(yaml)), limits);
        try
        {
            return reader.ReadStream();
        }
        catch (YamlException e)
        {
            throw GuardException.Input(
                "yaml-syntax",
                $"The YAML does not parse at line {e.Start.Line}, column {e.Start.Column}: {e.Message} Nothing was changed — fix the indentation or quoting there and send it again.",
                $"YAML을 {e.Start.Line}행 {e.Start.Column}열에서 읽을 수 없습니다: {e.Message} 아무것도 바꾸지 않았습니다. 그 위치의 들여쓰기나 따옴표를 고쳐 다시 보내세요.");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) on some unterminated flow collections.
            throw GuardException.Input(
                "yaml-syntax",
                "The YAML does not parse: a [ or { is not closed, or a quote is unbalanced. Nothing was changed — check brackets and quotes and send it again.",
                "YAML을 읽을 수 없습니다: [ 나 { 가 닫히지 않았거나 따옴표가 맞지 않습니다. 아무것도 바꾸지 않았습니다. 괄호와 따옴표를 확인해 다시 보내세요.");
        }
    }

    /// <summary>Finds the YAML in a chat message: the first fenced block (```yaml … ```), else the text itself.</summary>
    public static string ExtractYaml(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var start = message.IndexOf("```", StringComparison.Ordinal);
        if (start < 0)
        {
            return message;
        }

        var bodyStart = message.IndexOf('\n', start);
        if (bodyStart < 0)
        {
            return "";
        }

        var end = message.IndexOf("```", bodyStart + 1, StringComparison.Ordinal);
        return end < 0 ? message[(bodyStart + 1)..] : message[(bodyStart + 1)..end];
    }

    private sealed class Reader(IParser parser, ManifestLimits limits)
    {
        private int _nodes;

        public IReadOnlyList<ManifestDocument> ReadStream()
        {
            var documents = new List<ManifestDocument>();
            parser.Consume<StreamStart>();
            var index = 0;
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                index++;
                if (parser.TryConsume<DocumentEnd>(out _))
                {
                    continue; // an empty document ("---" at the end) carries nothing
                }

                var line = (int)start.Start.Line;
                var node = ReadNode(1);
                parser.Consume<DocumentEnd>();
                if (node is null)
                {
                    continue;
                }

                if (node is not JsonObject obj)
                {
                    throw GuardException.Input(
                        "not-a-mapping",
                        $"Document {index} (line {line}) is not a Kubernetes object: it must be a mapping with apiVersion, kind, metadata and spec.",
                        $"{index}번째 문서({line}행)는 Kubernetes 객체가 아닙니다. apiVersion, kind, metadata, spec 을 가진 매핑이어야 합니다.");
                }

                // Round-trip through JSON text so numbers read like any API response (TryGetValue<int> works on them).
                documents.Add(new ManifestDocument(documents.Count + 1, line, JsonNode.Parse(obj.ToJsonString())!.AsObject()));
                if (documents.Count > limits.MaxDocuments)
                {
                    throw GuardException.Policy(
                        "too-many-documents",
                        $"The manifest has more than {limits.MaxDocuments} documents. Nothing was changed — apply at most {limits.MaxDocuments} at a time.",
                        $"매니페스트의 문서가 {limits.MaxDocuments}개를 넘습니다. 아무것도 바꾸지 않았습니다. 한 번에 {limits.MaxDocuments}개까지만 적용하세요.");
                }
            }

            parser.Consume<StreamEnd>();
            if (documents.Count == 0)
            {
                throw GuardException.Input(
                    "empty",
                    "There is no YAML to apply. Put the manifest in a fenced block: /apply then ```yaml … ```.",
                    "적용할 YAML이 없습니다. /apply 다음에 ```yaml … ``` 블록으로 매니페스트를 넣으세요.");
            }

            return documents;
        }

        private JsonNode? ReadNode(int depth)
        {
            var current = parser.Current ?? throw new YamlException("unexpected end of the YAML stream");
            var line = (int)current.Start.Line;
            if (++_nodes > limits.MaxNodes)
            {
                throw GuardException.Policy(
                    "too-many-nodes",
                    $"The manifest has more than {limits.MaxNodes:N0} YAML nodes (at line {line}). Nothing was changed — a lab resource is far smaller; split or trim it.",
                    $"매니페스트의 YAML 노드가 {limits.MaxNodes:N0}개를 넘습니다({line}행). 아무것도 바꾸지 않았습니다. 나누거나 줄이세요.");
            }

            if (depth > limits.MaxDepth)
            {
                throw GuardException.Policy(
                    "too-deep",
                    $"The YAML nests deeper than {limits.MaxDepth} levels (at line {line}). Nothing was changed — Istio resources are never that deep; check the indentation.",
                    $"YAML 중첩이 {limits.MaxDepth}단계를 넘습니다({line}행). 아무것도 바꾸지 않았습니다. 들여쓰기를 확인하세요.");
            }

            switch (current)
            {
                case AnchorAlias alias:
                    throw AnchorRefused(line, $"*{alias.Value}");
                case NodeEvent { Anchor.IsEmpty: false } anchored:
                    throw AnchorRefused(line, $"&{anchored.Anchor}");
                case Scalar scalar:
                    parser.MoveNext();
                    return ToValue(scalar);
                case SequenceStart:
                {
                    parser.MoveNext();
                    var array = new JsonArray();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        array.Add(ReadNode(depth + 1));
                    }

                    return array;
                }

                case MappingStart:
                {
                    parser.MoveNext();
                    var obj = new JsonObject();
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyLine = (int)(parser.Current?.Start.Line ?? line);
                        var key = ReadNode(depth + 1);
                        if (key is not JsonValue keyValue)
                        {
                            throw GuardException.Input(
                                "complex-key",
                                $"Line {keyLine}: a mapping key must be a plain word, not a list or mapping.",
                                $"{keyLine}행: 매핑의 키는 목록이나 매핑이 아닌 단어여야 합니다.");
                        }

                        var name = keyValue.ToString();
                        if (name == "<<")
                        {
                            throw AnchorRefused(keyLine, "<<");
                        }

                        var value = ReadNode(depth + 1);
                        if (!obj.TryAdd(name, value))
                        {
                            throw GuardException.Input(
                                "duplicate-key",
                                $"Line {keyLine}: the key '{name}' appears twice in the same mapping. Keep one.",
                                $"{keyLine}행: 같은 매핑에 '{name}' 키가 두 번 있습니다. 하나만 남기세요.");
                        }
                    }

                    return obj;
                }

                default:
                    throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
            }
        }

        private static GuardException AnchorRefused(int line, string what) => GuardException.Policy(
            "yaml-alias",
            $"Line {line}: YAML anchors, aliases and merge keys ({what}) are not accepted, so a small message cannot expand into a huge one. Nothing was changed — write the repeated part out in full.",
            $"{line}행: YAML 앵커·별칭·병합 키({what})는 받지 않습니다(작은 메시지가 거대하게 부풀 수 있기 때문). 아무것도 바꾸지 않았습니다. 반복되는 부분을 직접 풀어 쓰세요.");

        /// <summary>YAML 1.2 core schema for plain scalars; quoted, block and explicitly tagged !!str scalars are strings.</summary>
        private static JsonNode? ToValue(Scalar scalar)
        {
            var text = scalar.Value;
            var tag = scalar.Tag.IsEmpty ? "" : scalar.Tag.Value;
            if (scalar.Style != ScalarStyle.Plain || tag.EndsWith(":str", StringComparison.Ordinal))
            {
                return JsonValue.Create(text);
            }

            switch (text)
            {
                case "" or "~" or "null" or "Null" or "NULL":
                    return null;
                case "true" or "True" or "TRUE":
                    return JsonValue.Create(true);
                case "false" or "False" or "FALSE":
                    return JsonValue.Create(false);
            }

            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return JsonValue.Create(integer);
            }

            if (text.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            {
                return JsonValue.Create(hex);
            }

            if (text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '-' or '+' or '.')
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
            {
                return JsonValue.Create(real);
            }

            return JsonValue.Create(text);
        }
    }
}
