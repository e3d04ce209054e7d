namespace Brobygge.Matching.Tests;

/// <summary>
/// Finds the shared folder (data, formats, seeds) that sits beside the repository clone — the repository at X/main
/// (or a worktree below X) and the shared folder at X/shared — so the real taxonomy is read at test time, not copied.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string PathTo(params string[] parts)
    {
        var path = Path.Combine([Root.Value, .. parts]);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"'{Path.Combine(parts)}' is not in the shared folder {Root.Value}.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (File.Exists(Path.Combine(candidate, "data", "jobtech-taxonomy", "occupation-name.csv")))
                return candidate;
        }
        throw new DirectoryNotFoundException(
            $"No shared/data/jobtech-taxonomy/occupation-name.csv in {AppContext.BaseDirectory} or any folder above it. "
            + "The tests expect the repository at X/main and the shared folder beside it at X/shared.");
    }
}
