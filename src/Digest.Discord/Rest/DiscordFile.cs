namespace Digest.Discord.Rest;

/// <summary>An upload: sent as files[n], listed in the payload's attachments with id n, shown in embeds as attachment://name.</summary>
public sealed record DiscordFile(string FileName, ReadOnlyMemory<byte> Content, string ContentType = "application/octet-stream")
{
    /// <summary>Alt text.</summary>
    public string? Description { get; init; }
}
