using System.Buffers.Binary;
using System.IO.Compression;

namespace RentalRules.Tests.Infrastructure;

/// <summary>
/// A minimal PNG decoder for checking screenshots: 8-bit RGB or RGBA, not interlaced (what Chromium writes). Gives the
/// size and the pixels, so a test can tell a rendered page from a blank one.
/// </summary>
public sealed class Png
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private readonly byte[] _pixels;
    private readonly int _channels;

    private Png(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        _channels = channels;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public static Png Read(string file)
    {
        var bytes = File.ReadAllBytes(file);
        Assert.True(bytes.AsSpan().StartsWith(Signature), $"{file} is not a PNG.");
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        var at = Signature.Length;
        while (at + 8 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                var bitDepth = data[8];
                var colourType = data[9];
                var interlace = data[12];
                Assert.True(bitDepth == 8 && colourType is 2 or 6 && interlace == 0, $"Unsupported PNG: bit depth {bitDepth}, colour type {colourType}, interlace {interlace}.");
                channels = colourType == 6 ? 4 : 3;
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        return new Png(width, height, channels, Unfilter(raw.ToArray(), width, height, channels));
    }

    /// <summary>The pixel at (x, y) as RGB.</summary>
    public (byte R, byte G, byte B) Pixel(int x, int y)
    {
        var i = ((y * Width) + x) * _channels;
        return (_pixels[i], _pixels[i + 1], _pixels[i + 2]);
    }

    /// <summary>How many pixels are within <paramref name="tolerance"/> of a colour, per channel.</summary>
    public int Count(byte r, byte g, byte b, int tolerance = 2)
    {
        var n = 0;
        for (var i = 0; i + 2 < _pixels.Length; i += _channels)
        {
            if (Math.Abs(_pixels[i] - r) <= tolerance && Math.Abs(_pixels[i + 1] - g) <= tolerance && Math.Abs(_pixels[i + 2] - b) <= tolerance)
            {
                n++;
            }
        }

        return n;
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int channels)
    {
        var stride = width * channels;
        Assert.True(raw.Length >= height * (stride + 1), "The PNG's image data is truncated.");
        var result = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var src = (y * (stride + 1)) + 1;
            var row = y * stride;
            var previous = row - stride;
            for (var x = 0; x < stride; x++)
            {
                int a = x >= channels ? result[row + x - channels] : 0;
                int b = y > 0 ? result[previous + x] : 0;
                int c = x >= channels && y > 0 ? result[previous + x - channels] : 0;
                var value = raw[src + x];
                result[row + x] = filter switch
                {
                    0 => value,
                    1 => (byte)(value + a),
                    2 => (byte)(value + b),
                    3 => (byte)(value + ((a + b) / 2)),
                    4 => (byte)(value + Paeth(a, b, c)),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
                };
            }
        }

        return result;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
