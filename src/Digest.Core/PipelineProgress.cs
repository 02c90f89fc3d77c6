namespace Digest.Core;

/// <summary>How far a long step has come, e.g. ("feeds", 45, 92); the CLI shows it on a terminal.</summary>
public sealed record PipelineProgress(string Stage, int Done, int Total);
