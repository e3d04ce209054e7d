using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Scope = "namespace", Target = "~N:Brobygge.Imports",
    Justification = "The feature folder is Imports (the brief of issue 12); no Visual Basic code uses this assembly.")]

namespace Brobygge.Imports;

/// <summary>One line of a file: its number as a spreadsheet shows it (the header is line 1) and its cells by column.</summary>
public sealed record ImportLine(int Number, IReadOnlyDictionary<string, string> Cells);

/// <summary>A file read into its header and lines, or the problems that kept it from being read.</summary>
public sealed record ImportTable(IReadOnlyList<string> Header, IReadOnlyList<ImportLine> Lines, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Reads the participant import format (participants-import.md) with maintained readers only: CsvHelper for CSV
/// (UTF-8 with or without BOM, `,` or `;` detected from the header, RFC 4180 quoting) and MiniExcel for the first
/// worksheet of an XLSX file. Column names are lower-cased; cells are trimmed, and an empty cell is no value.
/// </summary>
public static class ImportFile
{
    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static ImportTable Read(Stream stream, string fileName)
        => IsXlsx(fileName) ? ReadXlsx(stream) : ReadCsv(stream);

    public static ImportTable ReadCsv(Stream stream)
    {
        var buffered = new MemoryStream();
        stream.CopyTo(buffered);
        var bytes = buffered.ToArray();
        try
        {
            // Strict UTF-8: a file saved as Windows-1252 is refused rather than imported with broken names.
            _ = StrictUtf8.GetCharCount(bytes);
        }
        catch (DecoderFallbackException)
        {
            return new ImportTable([], [], [new ImportProblem(1, "", "", "The file is not UTF-8 text; save it as CSV UTF-8.")]);
        }
        // The separator is the one that splits the header into more columns: `|` separates items inside a cell, so
        // the reader's own detection (which also tries `|` and tab) is not asked.
        var separator = HeaderOf(bytes, ';').Length > HeaderOf(bytes, ',').Length ? ';' : ',';
        var problems = new List<ImportProblem>();
        var options = new CsvReaderOptions
        {
            Separator = separator, TrackLineNumbers = true, SkipEmptyLines = true, MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => problems.Add(new ImportProblem((int)record.LineNumber, "", "",
                "The line has a quote in the wrong place (put quotes around a cell that holds a quote, a separator or a line break).")),
        };
        try
        {
            using var csv = CsvReader.Create(bytes, options);
            csv.ReadHeader();
            var header = csv.Headers.Select(Column).ToList();
            if (header.Count == 0 || header.All(h => h.Length == 0))
                return Empty();
            var lines = new List<ImportLine>();
            while (csv.Read())
            {
                var number = (int)csv.LineNumber;
                var record = new string[csv.FieldCount];
                for (var i = 0; i < record.Length; i++)
                    record[i] = csv.GetString(i) ?? "";
                if (record.Length != header.Count)
                    problems.Add(new ImportProblem(number, "", "", "The line has {0} cells; the header has {1}.", record.Length, header.Count));
                lines.Add(new ImportLine(number, Cells(header, record)));
            }
            return new ImportTable(header, lines, problems);
        }
        catch (CsvFormatException e)
        {
            problems.Add(new ImportProblem((int)Math.Max(1, e.LineNumber), "", "", "The file cannot be read as CSV: {0}", e.Message));
            return new ImportTable([], [], problems);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static string[] HeaderOf(byte[] bytes, char separator)
    {
        try
        {
            using var csv = CsvReader.Create(bytes, new CsvReaderOptions { Separator = separator });
            csv.ReadHeader();
            return csv.Headers.ToArray();
        }
        catch (CsvFormatException)
        {
            return [];
        }
    }

    public static ImportTable ReadXlsx(Stream stream)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            // The first worksheet, read by cell (A, B, …): the header is its first row.
            var buffered = new MemoryStream();
            stream.CopyTo(buffered);
            buffered.Position = 0;
            rows = MiniExcel.Query(buffered, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            return new ImportTable([], [], [new ImportProblem(1, "", "", "The file is not an XLSX workbook.")]);
        }
        if (rows.Count == 0)
            return Empty();
        var letters = rows[0].Keys.ToList();
        var header = letters.Select(letter => Column(Text(rows[0][letter]))).ToList();
        while (header.Count > 0 && header[^1].Length == 0)
        {
            header.RemoveAt(header.Count - 1);
            letters.RemoveAt(letters.Count - 1);
        }
        var lines = new List<ImportLine>();
        for (var i = 1; i < rows.Count; i++)
        {
            var cells = letters.Select(letter => rows[i].TryGetValue(letter, out var value) ? Text(value) : "").ToArray();
            if (cells.All(cell => cell.Length == 0))
                continue;
            lines.Add(new ImportLine(i + 1, Cells(header, cells)));
        }
        return new ImportTable(header, lines, []);
    }

    private static ImportTable Empty() => new([], [], [new ImportProblem(1, "", "", "The file is empty: it needs a header line and one line per participant.")]);

    private static string Column(string name) => name.Trim().TrimStart('\uFEFF').Trim().ToLowerInvariant();

    private static Dictionary<string, string> Cells(List<string> header, string[] record)
    {
        var cells = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
        for (var i = 0; i < header.Count && i < record.Length; i++)
            cells.TryAdd(header[i], record[i].Trim());
        return cells;
    }

    /// <summary>A spreadsheet cell as the text the format expects: dates as YYYY-MM-DD, numbers without decimals or
    /// thousands separators when they are whole (an identity number typed as a number).</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime date => date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => number.ToString("0", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };
}
