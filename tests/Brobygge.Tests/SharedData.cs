namespace Brobygge.Tests;

/// <summary>
/// Finds the shared folder (data, formats, seeds) that sits beside the repository clone:
/// the repository is at X/main and the shared folder at X/shared.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>A path inside the shared folder, e.g. <c>PathTo("data", "personnummer-testdata.json")</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">No shared folder above the test binaries.</exception>
    /// <exception cref="FileNotFoundException">The shared folder has nothing at that path.</exception>
    public static string PathTo(params string[] parts)
    {
        var path = Path.Combine([Root.Value, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"'{Path.Combine(parts)}' is not in the shared folder {Root.Value}.", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (File.Exists(Path.Combine(candidate, "data", "personnummer-testdata.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/data/personnummer-testdata.json in {AppContext.BaseDirectory} or any folder above it. "
            + "The tests expect the repository at X/main and the shared folder beside it at X/shared.");
    }
}
