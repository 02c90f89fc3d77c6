using Digest.Core.Assessing;

namespace Digest.Core.Conversation.Links;

/// <summary>
/// Reads any link someone sends in a chat, under the chat's own limits: only public http(s) addresses, each
/// connection and redirect checked. Says why when it cannot, so the reply can tell the person.
/// </summary>
public interface ILinkReader
{
    /// <summary>The page's readable text, title and date, or the reason there is none. Throws only when <paramref name="ct"/> is cancelled.</summary>
    Task<LinkRead> ReadLinkAsync(string url, CancellationToken ct);
}

/// <summary>Either a page or the reason it could not be read.</summary>
public sealed record LinkRead(PageText? Page, LinkFailure? Failure)
{
    public static LinkRead Read(PageText page) => new(page, null);

    public static LinkRead Failed(LinkFailure failure) => new(null, failure);
}
