using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Brobygge.Taxonomy;

/// <summary>A concept as read from a file, with where it was read, so a problem can name the line.</summary>
/// <remarks><see cref="SsykCode"/> and <see cref="BroaderId"/> are <c>null</c> when the file has no such column
/// (the stored value is kept) and <c>""</c> when the column is there but empty (the stored value is cleared).</remarks>
public sealed record TaxonomyRow(string File, long Line, string ConceptId, string Type, string Label, string? SsykCode, string? BroaderId);

/// <summary>What a taxonomy file or folder holds: its rows, or every problem found in them.</summary>
public sealed record TaxonomyRead(IReadOnlyList<TaxonomyRow> Rows, IReadOnlyList<string> Problems, int Files);

/// <summary>
/// Reads the JobTech taxonomy in the forms of ../shared/data/jobtech-taxonomy (see its README):
/// <list type="bullet">
/// <item>CSV, one file per type: <c>concept_id</c>, <c>preferred_label</c>, <c>type</c>, optional <c>ssyk_code_2012</c> and
/// <c>broader_concept_id</c> (or <c>ssyk_level_4_concept_id</c> for occupation names, <c>region_concept_id</c> for
/// municipalities); other columns are ignored. A folder means all its <c>*.csv</c> files but the <c>rel_*</c> relation files.</item>
/// <item>JSON (a single file): an array of objects, or the taxonomy API's GraphQL answer <c>{"data":{"concepts":[…]}}</c>, with <c>id</c> or
/// <c>concept_id</c>, <c>type</c>, <c>preferred_label</c>, optional <c>ssyk_code_2012</c> and <c>broader_concept_id</c> (or
/// <c>broader: [{"id": …}]</c>). Keys may be written with <c>-</c> for <c>_</c> and a <c>taxonomy/</c> prefix.</item>
/// </list>
/// Nothing is partly read: every problem is collected with its file and line, and any problem means no rows.
/// </summary>
public static class TaxonomyFiles
{
    private const int MaxIdLength = 40, MaxTypeLength = 60, MaxLabelLength = 300, MaxSsykLength = 8;

    public static TaxonomyRead ReadPath(string path)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path)
                .Where(file => file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(file).StartsWith("rel_", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
                return new TaxonomyRead([], [$"{path}: the folder has no taxonomy files (*.csv; the rel_* relation files are not concepts)."], 0);
            return Combine(files.Select(ReadFile).ToList());
        }
        if (File.Exists(path))
            return ReadFile(path);
        return new TaxonomyRead([], [$"{path}: there is no such file or folder."], 0);
    }

    public static TaxonomyRead ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    /// <summary>Reads one file: JSON when its name ends in .json or its first character is <c>[</c> or <c>{</c>, CSV otherwise.</summary>
    public static TaxonomyRead Read(Stream stream, string name)
    {
        var bytes = ReadAll(stream);
        var text = bytes.AsSpan(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0);
        var firstChar = text.TrimStart(" \t\r\n"u8);
        var isJson = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || (firstChar.Length > 0 && firstChar[0] is (byte)'[' or (byte)'{');
        var problems = new List<string>();
        var rows = Distinct(isJson ? ReadJson(text.ToArray(), name, problems) : ReadCsv(bytes, name, problems), problems);
        return new TaxonomyRead(problems.Count == 0 ? rows : [], problems.OrderBy(p => LineOf(p, name)).ToList(), 1);
    }

    /// <summary>The line of a problem "NAME line N: …", to list a file's problems in the order of its lines.</summary>
    private static long LineOf(string problem, string name)
    {
        var rest = problem.AsSpan(name.Length + " line ".Length);
        return long.TryParse(rest[..Math.Max(0, rest.IndexOf(':'))], out var line) ? line : 0;
    }

    private static TaxonomyRead Combine(List<TaxonomyRead> reads)
    {
        var problems = reads.SelectMany(r => r.Problems).ToList();
        var rows = Distinct(reads.SelectMany(r => r.Rows).ToList(), problems);
        return new TaxonomyRead(problems.Count == 0 ? rows : [], problems, reads.Count);
    }

    private static List<TaxonomyRow> ReadCsv(byte[] bytes, string name, List<string> problems)
    {
        var rows = new List<TaxonomyRow>();
        var options = new CsvReaderOptions
        {
            Separator = ',', TrackLineNumbers = true, SkipEmptyLines = true, MalformedData = CsvMalformedDataHandling.Throw,
        };
        try
        {
            using var csv = CsvReader.Create(bytes, options);
            csv.ReadHeader();
            var missing = new[] { "concept_id", "preferred_label", "type" }.Where(column => !csv.TryGetFieldIndex(column, out _)).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"{name} line 1: the header has no column {string.Join(", ", missing)} (it needs concept_id, preferred_label and type).");
                return rows;
            }
            var id = csv.GetFieldIndex("concept_id");
            var label = csv.GetFieldIndex("preferred_label");
            var type = csv.GetFieldIndex("type");
            int? ssyk = csv.TryGetFieldIndex("ssyk_code_2012", out var s) ? s : null;
            int? broader = FirstColumn(csv, "broader_concept_id", "ssyk_level_4_concept_id", "region_concept_id");
            while (csv.Read())
            {
                var row = Check(name, csv.LineNumber, csv.GetString(id), csv.GetString(type), csv.GetString(label),
                    ssyk is { } si ? csv.GetString(si) : null, broader is { } bi ? csv.GetString(bi) : null, problems);
                if (row is not null)
                    rows.Add(row);
            }
        }
        catch (CsvFormatException e)
        {
            problems.Add($"{name} line {e.LineNumber}: the CSV is malformed ({e.Message}).");
        }
        return rows;
    }

    private static int? FirstColumn(CsvReader csv, params string[] columns)
    {
        foreach (var column in columns)
            if (csv.TryGetFieldIndex(column, out var index))
                return index;
        return null;
    }

    private static List<TaxonomyRow> ReadJson(byte[] json, string name, List<string> problems)
    {
        var rows = new List<TaxonomyRow>();
        var lines = new LineCounter(json);
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || !FindConceptArray(ref reader))
            {
                problems.Add($"{name} line 1: expected a JSON array of concepts, or {{\"data\": {{\"concepts\": [...]}}}}.");
                return rows;
            }
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                index++;
                var line = lines.LineOf(reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    problems.Add($"{name} line {line}: concept {index} is not a JSON object.");
                    reader.Skip();
                    continue;
                }
                using var item = JsonDocument.ParseValue(ref reader);
                var fields = Fields(item.RootElement);
                var row = Check(name, line, Get(fields, "id") ?? Get(fields, "concept_id") ?? "", Get(fields, "type") ?? "", Get(fields, "preferred_label") ?? "",
                    Get(fields, "ssyk_code_2012"), Get(fields, "broader_concept_id") ?? Broader(fields), problems);
                if (row is not null)
                    rows.Add(row);
            }
        }
        catch (JsonException e)
        {
            problems.Add($"{name} line {(e.LineNumber ?? 0) + 1}: the JSON is malformed ({e.Message}).");
        }
        return rows;
    }

    /// <summary>Moves the reader onto the start of the concept array: the document itself, or <c>data.concepts</c> /
    /// <c>concepts</c> of an object.</summary>
    private static bool FindConceptArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
            return true;
        if (reader.TokenType != JsonTokenType.StartObject)
            return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            if (property == "concepts" && reader.TokenType == JsonTokenType.StartArray)
                return true;
            if (property == "data" && reader.TokenType == JsonTokenType.StartObject)
                return FindConceptArray(ref reader);
            reader.Skip();
        }
        return false;
    }

    /// <summary>The object's properties by normalised key (<c>taxonomy/preferred-label</c> → <c>preferred_label</c>).</summary>
    private static Dictionary<string, JsonElement> Fields(JsonElement item)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in item.EnumerateObject())
        {
            var key = property.Name.ToLowerInvariant();
            key = key[(key.LastIndexOf('/') + 1)..].Replace('-', '_');
            fields.TryAdd(key, property.Value);
        }
        return fields;
    }

    /// <summary>The value as text: null when the key is absent, "" when it is null or empty.</summary>
    private static string? Get(Dictionary<string, JsonElement> fields, string key)
        => !fields.TryGetValue(key, out var value) ? null
            : value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Null => "",
                _ => value.GetRawText(),
            };

    /// <summary>The GraphQL form: <c>"broader": [{"id": "…"}]</c>.</summary>
    private static string? Broader(Dictionary<string, JsonElement> fields)
    {
        if (!fields.TryGetValue("broader", out var broader))
            return null;
        var first = broader.ValueKind == JsonValueKind.Array ? broader.EnumerateArray().FirstOrDefault() : broader;
        return first.ValueKind == JsonValueKind.Object && Fields(first).TryGetValue("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : "";
    }

    private static TaxonomyRow? Check(string file, long line, string id, string type, string label, string? ssyk, string? broader, List<string> problems)
    {
        var before = problems.Count;
        void Problem(string message) => problems.Add($"{file} line {line}: {message}");
        id = id.Trim();
        type = type.Trim();
        label = label.Trim();
        ssyk = ssyk?.Trim();
        broader = broader?.Trim();
        if (id.Length == 0)
            Problem("the concept id is missing.");
        else if (id.Length > MaxIdLength || id.Any(char.IsWhiteSpace))
            Problem($"the concept id '{id}' is not an id (at most {MaxIdLength} characters, no spaces).");
        if (type.Length == 0)
            Problem("the type is missing.");
        else if (type.Length > MaxTypeLength || !type.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            Problem($"the type '{type}' is not a taxonomy type (lower-case letters, digits and '-', e.g. occupation-name).");
        if (label.Length == 0)
            Problem("the preferred label is missing.");
        else if (label.Length > MaxLabelLength)
            Problem($"the preferred label is longer than {MaxLabelLength} characters.");
        if (ssyk is { Length: > 0 } code && (code.Length > MaxSsykLength || !code.All(char.IsAsciiDigit)))
            Problem($"the SSYK code '{code}' is not 1–{MaxSsykLength} digits.");
        if (broader is { Length: > MaxIdLength })
            Problem($"the broader concept id '{broader}' is longer than {MaxIdLength} characters.");
        return problems.Count == before ? new TaxonomyRow(file, line, id, type, label, ssyk, broader) : null;
    }

    /// <summary>The rows without repeats. An id twice is a problem when the two disagree (another type or label);
    /// an exact repeat is harmless.</summary>
    private static List<TaxonomyRow> Distinct(List<TaxonomyRow> rows, List<string> problems)
    {
        var seen = new Dictionary<string, TaxonomyRow>(StringComparer.Ordinal);
        var distinct = new List<TaxonomyRow>(rows.Count);
        foreach (var row in rows)
        {
            if (!seen.TryGetValue(row.ConceptId, out var first))
            {
                seen[row.ConceptId] = row;
                distinct.Add(row);
                continue;
            }
            var where = first.File == row.File ? $"line {first.Line}" : $"{first.File} line {first.Line}";
            if (first.Type != row.Type)
                problems.Add($"{row.File} line {row.Line}: concept {row.ConceptId} is a {row.Type} here but a {first.Type} on {where}.");
            else if (first.Label != row.Label)
                problems.Add($"{row.File} line {row.Line}: concept {row.ConceptId} is '{row.Label}' here but '{first.Label}' on {where}.");
        }
        return distinct;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Line numbers of byte offsets read in increasing order.</summary>
    private sealed class LineCounter(byte[] text)
    {
        private long _offset;
        private long _line = 1;

        public long LineOf(long offset)
        {
            for (; _offset < offset && _offset < text.Length; _offset++)
                if (text[_offset] == (byte)'\n')
                    _line++;
            return _line;
        }
    }
}
