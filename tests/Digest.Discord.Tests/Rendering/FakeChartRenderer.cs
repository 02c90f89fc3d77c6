using Digest.Core.Editions;
using Digest.Core.Rendering;

namespace Digest.Discord.Tests.Rendering;

internal sealed class FakeChartRenderer(bool fail = false) : IChartRenderer
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    public int Calls { get; private set; }

    public byte[] RenderPng(EditionStats stats)
    {
        Calls++;
        return fail ? throw new InvalidOperationException("no native drawing library") : Png;
    }
}
