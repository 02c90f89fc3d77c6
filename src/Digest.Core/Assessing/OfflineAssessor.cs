namespace Digest.Core.Assessing;

public sealed partial class OfflineAssessor
{
    public const string ModelName = "offline";
}
