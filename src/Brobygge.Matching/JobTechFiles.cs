using System.Text;

namespace Brobygge.Matching;

/// <summary>
/// Reads a <see cref="MatchingTaxonomy"/> from the JobTech taxonomy CSV files (occupation-name.csv with its
/// ssyk_code_2012 column, ssyk-level-4.csv, skill.csv, rel_skill_ssyk-level-4.csv) and se-geo's
/// municipality_county.csv, in the forms described by ../shared/data/README.md. For tests and the benchmark; the
/// program builds the taxonomy from its own table.
/// </summary>
public static class JobTechFiles
{
    public static MatchingTaxonomy Load(string taxonomyFolder, string municipalityCountyFile)
    {
        var builder = new MatchingTaxonomy.Builder();
        foreach (var row in Rows(Path.Combine(taxonomyFolder, "occupation-name.csv")))
        {
            if (row["ssyk_code_2012"] is { Length: 4 } code)
                builder.AddOccupation(row["concept_id"], code);
        }
        var groupCodes = Rows(Path.Combine(taxonomyFolder, "ssyk-level-4.csv"))
            .ToDictionary(row => row["concept_id"], row => row["ssyk_code_2012"], StringComparer.Ordinal);
        foreach (var row in Rows(Path.Combine(taxonomyFolder, "skill.csv")))
            builder.AddSkill(row["concept_id"], null);
        foreach (var row in Rows(Path.Combine(taxonomyFolder, "rel_skill_ssyk-level-4.csv")))
        {
            if (groupCodes.TryGetValue(row["ssyk_level_4_concept_id"], out var code) && code.Length == 4)
                builder.AddSkill(row["skill_concept_id"], code);
        }
        foreach (var row in Rows(municipalityCountyFile))
            builder.AddMunicipality(row["municipality_code"], row["county_code"]);
        return builder.Build();
    }

    /// <summary>The rows of an RFC 4180 CSV file with a header line (quoted fields may hold commas and line breaks).</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> Rows(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        string[]? header = null;
        foreach (var fields in Records(reader))
        {
            if (header is null)
            {
                header = fields;
                continue;
            }
            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
                row[header[i]] = i < fields.Length ? fields[i] : "";
            yield return row;
        }
    }

    private static IEnumerable<string[]> Records(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append((char)c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return fields.ToArray();
                fields.Clear();
                any = false;
            }
            else if (c != '\r')
            {
                field.Append((char)c);
            }
        }
        if (any)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }
}
