namespace Brobygge;

/// <summary>
/// Every problem with an input, by field, found before anything is written: pages show each next to its
/// field, the API returns them as ProblemDetails errors. Messages are the English keys of the UI's resources.
/// </summary>
public sealed class Problems
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool Any => _byField.Count > 0;

    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var messages))
            _byField[field] = messages = [];
        messages.Add(message);
    }

    /// <summary>A change must say which version it starts from, so no one overwrites a change they never saw.</summary>
    public void RequireVersion(Guid? version)
    {
        if (version is null || version == Guid.Empty)
            Add("Version", "Send the version you read, so a change made since is not overwritten.");
    }

    public IReadOnlyDictionary<string, string[]> ByField => _byField.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
}

/// <summary>The record asked for is not there, or not visible to the user: both answer "not found".</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>Someone else saved the record after the version the user started from.</summary>
public sealed class ConflictException(string what) : Exception($"{what} was changed by someone else.");
