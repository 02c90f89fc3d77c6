using Digest.Core.Editions;

namespace Digest.Core.Rendering;

/// <summary>Draws an edition's charts (category share, top keywords) as one PNG.</summary>
public interface IChartRenderer
{
    byte[] RenderPng(EditionStats stats);
}
