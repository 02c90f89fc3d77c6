using Digest.Core.Editions;

namespace Digest.Core.Delivery;

/// <summary>Draws an edition's charts (category share, top keywords) as one PNG.</summary>
public interface IChartRenderer
{
    byte[] RenderPng(EditionStats stats);
}
