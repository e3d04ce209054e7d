using CsvHelper;

namespace Brobygge.Codes;

/// <summary>Reads the embedded code lists (comma-separated, header row, RFC 4180 quoting) into rows by column name.</summary>
internal static class CodeFile
{
    public static List<Dictionary<string, string>> ReadResource(string file)
    {
        var name = $"Brobygge.Codes.{file}";
        using var stream = typeof(CodeFile).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from the program.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Read(memory.ToArray());
    }

    public static List<Dictionary<string, string>> Read(byte[] bytes)
    {
        var options = new CsvReaderOptions { Separator = ',', SkipEmptyLines = true, MalformedData = CsvMalformedDataHandling.Throw };
        using var csv = CsvReader.Create(bytes, options);
        csv.ReadHeader();
        var columns = csv.Headers.Select((column, index) => (column, index)).ToList();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(columns.ToDictionary(c => c.column, c => csv.GetString(c.index) ?? ""));
        return rows;
    }
}
