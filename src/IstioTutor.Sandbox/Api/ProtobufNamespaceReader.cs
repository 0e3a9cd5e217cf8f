using System.Text;
using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.Api;

/// <summary>
/// Reads the one protobuf body kubectl sends (<c>kubectl create namespace</c> posts
/// <c>application/vnd.kubernetes.protobuf</c>): the "k8s\0" envelope, then Unknown{raw: Namespace},
/// of which only metadata's name, generateName, labels and annotations matter here.
/// </summary>
internal static class ProtobufNamespaceReader
{
    private static readonly byte[] Magic = [(byte)'k', (byte)'8', (byte)'s', 0];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static JsonObject Read(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw StatusError.BadRequest("the protobuf body does not start with the Kubernetes \"k8s\\0\" envelope; send the Namespace as application/json");
        }

        var raw = Field(body[Magic.Length..], 2) ?? throw StatusError.BadRequest("the protobuf envelope carries no object");
        var meta = Field(raw, 1) ?? throw StatusError.BadRequest("the protobuf Namespace has no metadata");
        var metadata = new JsonObject();
        var labels = new JsonObject();
        var annotations = new JsonObject();
        foreach (var (number, value) in Fields(meta))
        {
            switch (number)
            {
                case 1:
                    metadata["name"] = Text(value, "metadata.name");
                    break;
                case 2:
                    metadata["generateName"] = Text(value, "metadata.generateName");
                    break;
                case 11:
                    labels[Text(Field(value, 1), "metadata.labels")] = Text(Field(value, 2), "metadata.labels");
                    break;
                case 12:
                    annotations[Text(Field(value, 1), "metadata.annotations")] = Text(Field(value, 2), "metadata.annotations");
                    break;
            }
        }

        if (labels.Count > 0)
        {
            metadata["labels"] = labels;
        }

        if (annotations.Count > 0)
        {
            metadata["annotations"] = annotations;
        }

        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = metadata };
    }

    /// <summary>Protobuf strings are UTF-8; invalid bytes are refused rather than turned into U+FFFD.</summary>
    private static string Text(byte[]? bytes, string field)
    {
        try
        {
            return bytes is null ? "" : StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw StatusError.BadRequest($"the protobuf Namespace's {field} is not valid UTF-8");
        }
    }

    private static byte[]? Field(ReadOnlySpan<byte> message, int wanted)
    {
        foreach (var (number, value) in Fields(message))
        {
            if (number == wanted)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The length-delimited fields of a message; varint and fixed fields are skipped.</summary>
    private static List<(int Number, byte[] Value)> Fields(ReadOnlySpan<byte> message)
    {
        var result = new List<(int, byte[])>();
        var at = 0;
        while (at < message.Length)
        {
            var key = Varint(message, ref at);
            var wire = (int)(key & 7);
            var number = (int)(key >> 3);
            switch (wire)
            {
                case 0:
                    Varint(message, ref at);
                    break;
                case 1:
                    at += 8;
                    break;
                case 2:
                    var length = (int)Varint(message, ref at);
                    if (length < 0 || at + length > message.Length)
                    {
                        throw StatusError.BadRequest("the protobuf body is truncated");
                    }

                    result.Add((number, message.Slice(at, length).ToArray()));
                    at += length;
                    break;
                case 5:
                    at += 4;
                    break;
                default:
                    throw StatusError.BadRequest($"the protobuf body has an unsupported wire type {wire}");
            }
        }

        return result;
    }

    private static ulong Varint(ReadOnlySpan<byte> data, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= data.Length)
            {
                throw StatusError.BadRequest("the protobuf body is truncated");
            }

            var b = data[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw StatusError.BadRequest("the protobuf body has an overlong varint");
    }
}
