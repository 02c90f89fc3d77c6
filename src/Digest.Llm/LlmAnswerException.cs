namespace Digest.Llm;

/// <summary>The model answered, but nothing in the answer passed validation, even after a retry.</summary>
public sealed class LlmAnswerException : Exception
{
    public LlmAnswerException()
    {
    }

    public LlmAnswerException(string message)
        : base(message)
    {
    }

    public LlmAnswerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
