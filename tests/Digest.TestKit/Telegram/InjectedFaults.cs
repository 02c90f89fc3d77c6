namespace Digest.TestKit.Telegram;

/// <summary>Thrown by a method handler: the fake drops the connection without answering.</summary>
internal sealed class DroppedConnection() : Exception("connection dropped by the test");

/// <summary>Thrown by a method handler: the fake answers exactly these bytes, not Telegram's envelope.</summary>
internal sealed class RawAnswer(int status, string body, string contentType) : Exception("raw answer injected by the test")
{
    public int Status { get; } = status;

    public string Body { get; } = body;

    public string ContentType { get; } = contentType;
}
