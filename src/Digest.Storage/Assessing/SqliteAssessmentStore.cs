using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Digest.Storage.Assessing;

public sealed class SqliteAssessmentStore(SqliteDatabase db) : IAssessmentStore
{
    public async Task<IReadOnlyList<long>> GetUnassessedAsync(
        IReadOnlyCollection<long> articleIds, string modelId, string promptVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        if (articleIds.Count == 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        // The ids travel as one JSON parameter: thousands of them would exceed SQLite's parameter limit one by one.
        return await connection.Command("""
            SELECT ids.value FROM json_each(@ids) AS ids
            WHERE NOT EXISTS (
                SELECT 1 FROM assessments s
                WHERE s.article_id = ids.value AND s.model_id = @model AND s.prompt_version = @prompt)
            ORDER BY ids.key
            """)
            .With("@ids", Values.IdList(articleIds))
            .With("@model", modelId)
            .With("@prompt", promptVersion)
            .ListAsync(r => r.GetInt64(0), ct);
    }

    public async Task SaveAsync(IReadOnlyList<Assessment> assessments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        if (assessments.Count == 0)
        {
            return;
        }
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        // An existing (article, model, prompt version) wins: a result, once stored, is what every edition sees.
        await using var insert = connection.Command("""
            INSERT INTO assessments (article_id, model_id, prompt_version, relevance, quality, timeliness, category, keywords, assessed_at)
            VALUES (@article, @model, @prompt, @relevance, @quality, @timeliness, @category, @keywords, @at)
            ON CONFLICT (article_id, model_id, prompt_version) DO NOTHING
            """, tx);
        var article = insert.Parameter("@article");
        var model = insert.Parameter("@model");
        var prompt = insert.Parameter("@prompt");
        var relevance = insert.Parameter("@relevance");
        var quality = insert.Parameter("@quality");
        var timeliness = insert.Parameter("@timeliness");
        var category = insert.Parameter("@category");
        var keywords = insert.Parameter("@keywords");
        var at = insert.Parameter("@at");
        foreach (var a in assessments)
        {
            article.Set(a.ArticleId);
            model.Set(a.ModelId);
            prompt.Set(a.PromptVersion);
            relevance.Set(a.Relevance);
            quality.Set(a.Quality);
            timeliness.Set(a.Timeliness);
            category.Set(a.Category.Slug());
            keywords.Set(Values.StringList(a.Keywords));
            at.Set(a.AssessedAt.ToUnixMs());
            await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyDictionary<long, Assessment>> GetAsync(
        IReadOnlyCollection<long> articleIds, string preferredModelId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        if (articleIds.Count == 0)
        {
            return new Dictionary<long, Assessment>();
        }
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.Command("""
            SELECT article_id, relevance, quality, timeliness, category, keywords, model_id, prompt_version, assessed_at
            FROM (
                SELECT s.*, ROW_NUMBER() OVER (
                    PARTITION BY s.article_id
                    ORDER BY CASE WHEN s.model_id = @preferred THEN 0 ELSE 1 END, s.assessed_at DESC, s.id DESC) AS pick
                FROM assessments s
                WHERE s.article_id IN (SELECT value FROM json_each(@ids))
            ) ranked
            WHERE pick = 1
            """)
            .With("@ids", Values.IdList(articleIds))
            .With("@preferred", preferredModelId)
            .ListAsync(ReadAssessment, ct);
        return rows.ToDictionary(a => a.ArticleId);
    }

    public async Task<Writeup?> GetWriteupAsync(long articleId, string modelId, string promptVersion, string language, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command("""
            SELECT article_id, summary, why_read, tags, language, model_id, prompt_version FROM writeups
            WHERE article_id = @article AND model_id = @model AND prompt_version = @prompt AND language = @language
            """)
            .With("@article", articleId)
            .With("@model", modelId)
            .With("@prompt", promptVersion)
            .With("@language", language)
            .FirstOrDefaultAsync(r => new Writeup(
                r.GetInt64(0), r.GetString(1), r.GetString(2), Values.ParseStringList(r.GetString(3)),
                r.GetString(4), r.GetString(5), r.GetString(6)), ct);
    }

    /// <summary>Like assessments, a stored write-up is kept: a second save of the same key is ignored.</summary>
    public async Task SaveWriteupAsync(Writeup writeup, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writeup);
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("""
            INSERT INTO writeups (article_id, model_id, prompt_version, language, summary, why_read, tags)
            VALUES (@article, @model, @prompt, @language, @summary, @why, @tags)
            ON CONFLICT (article_id, model_id, prompt_version, language) DO NOTHING
            """)
            .With("@article", writeup.ArticleId)
            .With("@model", writeup.ModelId)
            .With("@prompt", writeup.PromptVersion)
            .With("@language", writeup.Language)
            .With("@summary", writeup.Summary)
            .With("@why", writeup.WhyRead)
            .With("@tags", Values.StringList(writeup.Tags))
            .RunAsync(ct);
    }

    private static Assessment ReadAssessment(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetInt32(1),
        r.GetInt32(2),
        r.GetInt32(3),
        Categories.TryParse(r.GetString(4), out var category) ? category : Category.Other,
        Values.ParseStringList(r.GetString(5)),
        r.GetString(6),
        r.GetString(7),
        Values.FromUnixMs(r.GetInt64(8)));
}
