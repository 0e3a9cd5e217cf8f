using System.Buffers.Binary;
using System.IO.Compression;

namespace IstioTutor.Bot.Tests.Dashboard;

/// <summary>
/// Decodes the 8-bit RGB/RGBA, non-interlaced PNGs Chromium writes for screenshots, so a test can count
/// the pixels a chart actually painted.
/// </summary>
public sealed class PngPixels
{
    private PngPixels(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Rgba { get; }

    /// <summary>Pixels within <paramref name="tolerance"/> of the colour on every channel.</summary>
    public int CountNear(byte r, byte g, byte b, int tolerance = 24)
    {
        var n = 0;
        for (var i = 0; i < Rgba.Length; i += 4)
        {
            if (Math.Abs(Rgba[i] - r) <= tolerance && Math.Abs(Rgba[i + 1] - g) <= tolerance && Math.Abs(Rgba[i + 2] - b) <= tolerance)
            {
                n++;
            }
        }

        return n;
    }

    public static PngPixels Decode(byte[] png)
    {
        var pos = 8;
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        while (pos < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0 || data[9] is not (2 or 6))
                {
                    throw new NotSupportedException($"PNG bit depth {data[8]}, colour type {data[9]}, interlace {data[12]}");
                }

                channels = data[9] == 6 ? 4 : 3;
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            pos += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = width * channels;
        var previous = new byte[stride];
        var current = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, y * (stride + 1) + 1, current, 0, stride);
            for (var x = 0; x < stride; x++)
            {
                int a = x >= channels ? current[x - channels] : 0, b = previous[x], c = x >= channels ? previous[x - channels] : 0;
                current[x] = (byte)(current[x] + filter switch
                {
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => 0,
                });
            }

            for (var x = 0; x < width; x++)
            {
                var o = (y * width + x) * 4;
                rgba[o] = current[x * channels];
                rgba[o + 1] = current[x * channels + 1];
                rgba[o + 2] = current[x * channels + 2];
                rgba[o + 3] = channels == 4 ? current[x * channels + 3] : (byte)255;
            }

            (previous, current) = (current, previous);
        }

        return new PngPixels(width, height, rgba);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
