using System.Text.Json.Nodes;
using OpenAI.Chat;

namespace Digest.Llm.Prompts;

/// <summary>
/// A system prompt and the JSON schema of its answer, read from the embedded Prompts/{name}.v{n}.txt and
/// .schema.json. <see cref="Version"/> ("score-v3") is derived from the file name, so it cannot drift from the text.
/// </summary>
internal sealed class Prompt
{
    private const string LanguageSlot = "{{language}}";

    public static Prompt Score { get; } = Load("score", 3);

    public static Prompt Writeup { get; } = Load("writeup", 2);

    public static Prompt Highlights { get; } = Load("highlights", 2);

    public static Prompt Answer { get; } = Load("answer", 2);

    public static Prompt Weekly { get; } = Load("weekly", 1);

    /// <summary>Answered with function calls, so it has no schema: its response format is plain text.</summary>
    public static Prompt Settings { get; } = Load("settings", 1, answersInJson: false);

    private Prompt(string purpose, int version, string text, string schema)
    {
        Purpose = purpose;
        Version = $"{purpose}-v{version}";
        Text = text;
        Schema = schema;
        ResponseFormat = schema.Length == 0 ? ChatResponseFormat.CreateTextFormat() : FormatFor(schema);
    }

    /// <summary>What the call is for, as recorded in the usage log: score, writeup, highlights, answer, settings, weekly.</summary>
    public string Purpose { get; }

    public string Version { get; }

    public string Text { get; }

    /// <summary>The answer's JSON schema, without the file's indentation: it travels with every call. Empty for a prompt answered with function calls.</summary>
    public string Schema { get; }

    /// <summary>Strict json_schema, so servers that support it constrain the answer; it is validated anyway.</summary>
    public ChatResponseFormat ResponseFormat { get; }

    /// <summary>The same kind of response format for a variant of <see cref="Schema"/>.</summary>
    public ChatResponseFormat FormatFor(string schema) =>
        ChatResponseFormat.CreateJsonSchemaFormat($"{Purpose}_answer", BinaryData.FromString(schema), jsonSchemaIsStrict: true);

    /// <summary>The system prompt for an output language (already checked by <see cref="Writing.OutputLanguage"/>).</summary>
    public string For(string languageName) => Text.Replace(LanguageSlot, languageName, StringComparison.Ordinal);

    private static Prompt Load(string purpose, int version, bool answersInJson = true)
    {
        var text = Read($"{purpose}.v{version}.txt").ReplaceLineEndings("\n").Trim();
        var schema = answersInJson ? JsonNode.Parse(Read($"{purpose}.v{version}.schema.json"))!.ToJsonString() : "";
        return new Prompt(purpose, version, text, schema);
    }

    private static string Read(string file)
    {
        var assembly = typeof(Prompt).Assembly;
        var name = $"{typeof(Prompt).Namespace}.{file}";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The prompt resource {name} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
