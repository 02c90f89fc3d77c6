namespace Digest.Core.Assessing.Offline;

internal static class Stopwords
{
    public static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "even", "ever", "every", "few", "first", "for", "from", "further",
        "get", "gets", "got", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "however",
        "i", "if", "in", "into", "is", "it", "its", "itself", "just", "last", "less", "like", "made", "make", "makes",
        "many", "may", "me", "might", "more", "most", "much", "must", "my", "new", "no", "nor", "not", "now", "of", "off",
        "often", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "over", "own", "part", "per", "really",
        "same", "say", "says", "see", "she", "should", "so", "some", "still", "such", "than", "that", "the", "their",
        "theirs", "them", "then", "there", "these", "they", "thing", "things", "this", "those", "through", "to", "too",
        "two", "under", "until", "up", "us", "use", "used", "using", "very", "via", "was", "way", "we", "well", "were",
        "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "without", "would", "year",
        "years", "yet", "you", "your", "yours", "time", "today", "week", "day", "days", "post", "posts", "read", "article",
        "continue", "reading", "link", "blog", "want", "know", "going", "think", "good", "lot", "something", "anything",
        "back", "around", "another", "let", "lets", "don", "doesn", "didn", "isn", "aren", "wasn", "won", "ve", "ll", "re",
        "s", "t", "d", "m", "quot", "amp", "nbsp", "http", "https", "www", "com", "html", "via", "part", "take", "takes",
        // Dates in titles ("16 Apr 2026") are not topics.
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };
}
