namespace Brobygge.Evaluation;

/// <summary>
/// A quasi-identifier of the microdata export and its generalisation hierarchy: level 0 is the value as recorded,
/// each level up coarser (municipality → county → suppressed; month → quarter → year → suppressed), the last level
/// always <see cref="Anonymisation.Suppressed"/>.
/// </summary>
public sealed record QuasiIdentifier(string Column, IReadOnlyList<Func<string, string>> Levels)
{
    public int Top => Levels.Count - 1;
}

/// <summary>
/// k-anonymity for the evaluator's microdata (k = <see cref="K"/>): the quasi-identifiers are generalised one step at a
/// time, always the step that leaves the fewest rows in combinations under k (ties: the column listed first), and when
/// few rows remain in small combinations (at most 5 % of all) those rows' quasi-identifiers are suppressed instead, as
/// long as the suppressed rows themselves make a combination of at least k. A project of fewer than k enrolments gives
/// no rows at all. Global recoding, then local suppression: the usual order (Hundepool et al., Statistical Disclosure
/// Control, 2012, ch. 3).
/// </summary>
public static class Anonymisation
{
    public const int K = 5;
    public const string Suppressed = "*";

    /// <summary>Generalises and suppresses the rows' quasi-identifier values in place; returns the level chosen per column.</summary>
    public static int[] Apply(IReadOnlyList<QuasiIdentifier> identifiers, List<string[]> rows)
    {
        var levels = new int[identifiers.Count];
        if (rows.Count < K)
        {
            rows.Clear();
            return levels;
        }
        var original = rows.Select(r => (string[])r.Clone()).ToList();
        while (true)
        {
            var small = SmallRows(Generalise(identifiers, original, levels));
            if (small.Count == 0)
                break;
            if (small.Count * 20 <= rows.Count && small.Count + FullySuppressed(Generalise(identifiers, original, levels)) >= K)
            {
                var generalised = Generalise(identifiers, original, levels);
                foreach (var index in small)
                    Array.Fill(generalised[index], Suppressed);
                Copy(generalised, rows);
                return levels;
            }
            var best = -1;
            var fewest = int.MaxValue;
            for (var column = 0; column < identifiers.Count; column++)
            {
                if (levels[column] == identifiers[column].Top)
                    continue;
                levels[column]++;
                var count = SmallRows(Generalise(identifiers, original, levels)).Count;
                levels[column]--;
                if (count < fewest)
                    (best, fewest) = (column, count);
            }
            levels[best]++; // there is always one: with every column suppressed all rows are one combination of ≥ K
        }
        Copy(Generalise(identifiers, original, levels), rows);
        return levels;
    }

    private static void Copy(List<string[]> from, List<string[]> to)
    {
        for (var i = 0; i < from.Count; i++)
            to[i] = from[i];
    }

    private static List<string[]> Generalise(IReadOnlyList<QuasiIdentifier> identifiers, List<string[]> rows, int[] levels)
        => rows.Select(row => row.Select((value, column) => identifiers[column].Levels[levels[column]](value)).ToArray()).ToList();

    private static int FullySuppressed(List<string[]> rows) => rows.Count(r => r.All(v => v == Suppressed));

    /// <summary>The indexes of the rows whose combination of values occurs fewer than K times.</summary>
    public static List<int> SmallRows(List<string[]> rows)
    {
        var counts = rows.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return rows.Select((row, index) => (row, index)).Where(r => counts[Key(r.row)] < K).Select(r => r.index).ToList();
    }

    private static string Key(string[] row) => string.Join('\u001f', row);
}

/// <summary>
/// A two-way table of counts (e.g. gender × situation upon leaving) with its row and column totals, where counts
/// under <see cref="Anonymisation.K"/> are suppressed and complementary cells too, so that no suppressed cell can be
/// recomputed from its row's or column's total: every row and column (totals included) holds either no suppressed
/// cell or at least two.
/// </summary>
public sealed class SuppressedTable
{
    public const string Hidden = "..";

    public string Title { get; }
    public IReadOnlyList<string> RowLabels { get; }
    public IReadOnlyList<string> ColumnLabels { get; }

    /// <summary>(rows + 1) × (columns + 1): the last row and column are the totals.</summary>
    public int[,] Counts { get; }
    public bool[,] IsSuppressed { get; }

    public SuppressedTable(string title, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels, int[,] cells)
    {
        Title = title;
        RowLabels = rowLabels;
        ColumnLabels = columnLabels;
        int rows = rowLabels.Count, columns = columnLabels.Count;
        Counts = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                Counts[r, c] = cells[r, c];
                Counts[r, columns] += cells[r, c];
                Counts[rows, c] += cells[r, c];
                Counts[rows, columns] += cells[r, c];
            }
        IsSuppressed = new bool[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
            for (var c = 0; c <= columns; c++)
                IsSuppressed[r, c] = Counts[r, c] < Anonymisation.K;
        Complement(rows + 1, columns + 1);
    }

    /// <summary>Until no row or column has exactly one suppressed cell: suppress the smallest other cell of such a
    /// line (inner cells before totals), which at worst suppresses the whole line.</summary>
    private void Complement(int rows, int columns)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            for (var r = 0; r < rows; r++)
                changed |= ComplementLine(Enumerable.Range(0, columns).Select(c => (r, c)).ToList());
            for (var c = 0; c < columns; c++)
                changed |= ComplementLine(Enumerable.Range(0, rows).Select(r => (r, c)).ToList());
        }
    }

    private bool ComplementLine(List<(int R, int C)> line)
    {
        if (line.Count(cell => IsSuppressed[cell.R, cell.C]) != 1)
            return false;
        int lastRow = IsSuppressed.GetLength(0) - 1, lastColumn = IsSuppressed.GetLength(1) - 1;
        var next = line.Where(cell => !IsSuppressed[cell.R, cell.C])
            .OrderBy(cell => cell.R == lastRow || cell.C == lastColumn ? 1 : 0).ThenBy(cell => Counts[cell.R, cell.C])
            .First();
        IsSuppressed[next.R, next.C] = true;
        return true;
    }

    public string Shown(int row, int column) => IsSuppressed[row, column] ? Hidden : Counts[row, column].ToString(System.Globalization.CultureInfo.InvariantCulture);
}
