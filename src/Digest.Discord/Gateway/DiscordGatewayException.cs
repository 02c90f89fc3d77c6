namespace Digest.Discord.Gateway;

/// <summary>Discord closed the gateway with a code that reconnecting cannot fix (4004, 4010–4014).</summary>
public sealed class DiscordGatewayException : Exception
{
    public DiscordGatewayException()
    {
    }

    public DiscordGatewayException(string message)
        : base(message)
    {
    }

    public DiscordGatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiscordGatewayException(int closeCode, string cause)
        : base($"Discord gateway closed {closeCode}: {cause}")
    {
        CloseCode = closeCode;
        Cause = cause;
    }

    public int CloseCode { get; }

    public string? Cause { get; }
}
