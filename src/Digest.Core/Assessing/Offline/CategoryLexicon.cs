using Digest.Core.Articles;

namespace Digest.Core.Assessing.Offline;

/// <summary>Words that signal a category; the offline assessor counts them in the title (weighted) and text.</summary>
internal static class CategoryLexicon
{
    public static readonly IReadOnlyDictionary<Category, string[]> Terms = new Dictionary<Category, string[]>
    {
        [Category.AiMl] =
        [
            "ai", "llm", "llms", "gpt", "claude", "gemini", "openai", "anthropic", "model", "models", "neural",
            "machine learning", "deep learning", "transformer", "inference", "training", "agent", "agents", "prompt",
            "embedding", "embeddings", "fine-tuning", "diffusion", "chatbot", "nvidia", "gpu", "tpu", "rag", "ml",
        ],
        [Category.Security] =
        [
            "security", "vulnerability", "vulnerabilities", "exploit", "cve", "malware", "ransomware", "breach",
            "phishing", "attack", "attacker", "encryption", "password", "passwords", "privacy", "zero-day", "patch",
            "hacker", "hackers", "botnet", "fraud", "scam", "surveillance", "authentication", "tls", "backdoor",
        ],
        [Category.Engineering] =
        [
            "database", "postgres", "sqlite", "performance", "latency", "compiler", "kernel", "linux", "distributed",
            "architecture", "scaling", "cache", "memory", "rust", "golang", "python", "javascript", "typescript",
            "api", "protocol", "algorithm", "debugging", "testing", "concurrency", "hardware", "cpu", "benchmark",
            "networking", "filesystem", "sql", "orm", "c++", "assembly", "microcontroller", "laptop", "mainboard",
            "deploy", "deployment", "ci", "pipeline", "build", "git", "refactoring", "code", "server", "servers",
        ],
        [Category.Tools] =
        [
            "release", "released", "open source", "open-source", "github", "library", "tool", "tools", "cli", "plugin",
            "framework", "package", "npm", "version", "datasette", "editor", "vim", "emacs", "vscode", "extension",
            "launch", "beta", "alpha", "changelog", "homebrew", "docker",
        ],
        [Category.Opinion] =
        [
            "i think", "i believe", "opinion", "essay", "why", "should", "we need", "culture", "society", "career",
            "management", "manager", "hiring", "politics", "economy", "future", "lessons", "reflections", "thoughts",
            "quoting", "interview", "podcast", "book", "review", "absurdity", "wager", "argue", "argues",
        ],
    };
}
