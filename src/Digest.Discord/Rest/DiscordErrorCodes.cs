namespace Digest.Discord.Rest;

/// <summary>The JSON error codes Digest acts on (Discord's opcodes-and-status-codes page).</summary>
public static class DiscordErrorCodes
{
    public const int General = 0;
    public const int UnknownChannel = 10003;
    public const int UnknownMessage = 10008;
    public const int UnknownWebhook = 10015;
    public const int UnknownInteraction = 10062;
    public const int InteractionAlreadyAcknowledged = 40060;
    public const int MissingAccess = 50001;
    public const int EmptyMessage = 50006;
    public const int CannotSendToUser = 50007;
    public const int MissingPermissions = 50013;
    public const int InvalidFormBody = 50035;
    public const int FileTooLarge = 50045;
}
