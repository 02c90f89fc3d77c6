using Digest.Core.Delivery;
using Digest.Core.Editions;

namespace Digest.Core.Rendering;

/// <summary>Turns an edition (or a subscriber's cut of it) into the parts one platform sends, in order.</summary>
public interface IEditionRenderer
{
    string Platform { get; }

    IReadOnlyList<MessagePart> Render(Edition edition);
}
