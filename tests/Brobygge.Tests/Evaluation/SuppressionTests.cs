using Brobygge.Evaluation;

namespace Brobygge.Tests.Evaluation;

/// <summary>Small counts are hidden, and so are enough others that no hidden cell follows from a total.</summary>
public sealed class SuppressionTests
{
    /// <summary>Every row and column of the table, totals included, hides no cell or at least two.</summary>
    private static void AssertNoCellRecomputable(SuppressedTable table)
    {
        int rows = table.RowLabels.Count + 1, columns = table.ColumnLabels.Count + 1;
        for (var r = 0; r < rows; r++)
            Assert.NotEqual(1, Enumerable.Range(0, columns).Count(c => table.IsSuppressed[r, c]));
        for (var c = 0; c < columns; c++)
            Assert.NotEqual(1, Enumerable.Range(0, rows).Count(r => table.IsSuppressed[r, c]));
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                Assert.True(table.IsSuppressed[r, c] || table.Counts[r, c] >= Anonymisation.K, $"({r},{c}) shows {table.Counts[r, c]}");
    }

    [Fact]
    public void A_single_small_cell_takes_a_second_cell_of_its_row_and_of_its_column_with_it()
    {
        var table = new SuppressedTable("t", ["a", "b", "c"], ["x", "y", "z"], new[,] { { 3, 20, 30 }, { 12, 15, 40 }, { 25, 9, 11 } });

        Assert.Equal(SuppressedTable.Hidden, table.Shown(0, 0));
        AssertNoCellRecomputable(table);
        Assert.Equal("165", table.Shown(3, 3));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void No_table_shows_a_count_under_five_or_a_cell_its_totals_give_away(int seed)
    {
        var random = new Random(seed);
        var cells = new int[3, 5];
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 5; c++)
                cells[r, c] = random.Next(3) == 0 ? random.Next(5) : random.Next(5, 40);

        AssertNoCellRecomputable(new SuppressedTable("t", ["a", "b", "c"], ["v", "w", "x", "y", "z"], cells));
    }

    [Fact]
    public void Quasi_identifiers_are_generalised_until_every_combination_holds_five_rows()
    {
        var rows = Enumerable.Range(0, 23).Select(i => new[] { i % 2 == 0 ? "Woman" : "Man", (20 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), i % 3 == 0 ? "1283" : "1280", "SY", "SY", $"2025-{1 + i % 12:00}", "" }).ToList();

        Anonymisation.Apply(MicrodataExport.Hierarchies, rows);

        Assert.Equal(23, rows.Count);
        Assert.Empty(Anonymisation.SmallRows(rows));
        Assert.Contains(rows, r => r[2].StartsWith("county 12", StringComparison.Ordinal) || r[2] == "1283" || r[2] == "1280");
    }

    [Fact]
    public void Fewer_than_five_rows_export_nothing()
    {
        var rows = Enumerable.Range(0, 4).Select(_ => new[] { "Woman", "30", "1283", "SY", "SY", "2025-01", "" }).ToList();

        Anonymisation.Apply(MicrodataExport.Hierarchies, rows);

        Assert.Empty(rows);
    }
}
