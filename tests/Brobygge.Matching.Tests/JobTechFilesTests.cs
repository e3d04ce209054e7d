namespace Brobygge.Matching.Tests;

public sealed class JobTechFilesTests
{
    [Fact]
    public void A_CSV_row_may_quote_commas_quotes_and_line_breaks()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "concept_id,preferred_label,definition\r\na1,\"Kock, fartyg\",\"Lagar \"\"mat\"\"\nombord\"\nb2,Diskare,\n");

            var rows = JobTechFiles.Rows(path).ToList();

            Assert.Equal(2, rows.Count);
            Assert.Equal("Kock, fartyg", rows[0]["preferred_label"]);
            Assert.Equal("Lagar \"mat\"\nombord", rows[0]["definition"]);
            Assert.Equal("b2", rows[1]["concept_id"]);
            Assert.Equal("", rows[1]["definition"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("234")]
    [InlineData("23410")]
    [InlineData("23a1")]
    public void An_SSYK_code_that_is_not_four_digits_is_refused_naming_it(string code)
    {
        var error = Assert.Throws<ArgumentException>(() => new MatchingTaxonomy.Builder().AddOccupation("x", code));

        Assert.Contains($"'{code}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_SSYK_code_keeps_its_leading_zero_at_every_level()
    {
        var taxonomy = new MatchingTaxonomy.Builder().AddOccupation("officer", "0110").Build();

        Assert.Equal("0110", MatchingTaxonomy.SsykCode(taxonomy.GroupOf("officer"), 4));
        Assert.Equal("011", MatchingTaxonomy.SsykCode(taxonomy.GroupOf("officer"), 3));
        Assert.Equal("01", MatchingTaxonomy.SsykCode(taxonomy.GroupOf("officer"), 2));
        Assert.Equal(-1, taxonomy.GroupOf("unknown"));
    }
}
