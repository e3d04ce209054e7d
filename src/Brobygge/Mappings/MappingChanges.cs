namespace Brobygge.Mappings;

/// <summary>The parts of a mapping a change can be in, in the order of the form.</summary>
public enum MappingField
{
    EducationField, EducationCountry, DegreeRecognition, Experience, Languages, Skills,
    DrivingLicences, Goals, Obstacles,
}

public enum ChangeKind { Added, Removed, Changed }

/// <summary>
/// One difference between two versions. For a list field <see cref="Item"/> names the entry (occupation or skill label,
/// language code, licence category) and <see cref="Before"/>/<see cref="After"/> hold its value (years, level), if it has
/// one; for a single field they hold the field's values (enums, text).
/// </summary>
public sealed record MappingChange(MappingField Field, ChangeKind Kind, string? Item = null, object? Before = null, object? After = null);

/// <summary>What changed from one mapping version to the next, field by field: the history page shows progress with it.</summary>
public static class MappingChanges
{
    /// <summary>The changes from <paramref name="before"/> (null for the first version: everything filled in is added)
    /// to <paramref name="after"/>. The date is not a change: every version has its own.</summary>
    public static IReadOnlyList<MappingChange> Between(Mapping? before, Mapping after)
    {
        var changes = new List<MappingChange>();
        Single(changes, MappingField.EducationField, before?.EducationField, after.EducationField);
        Single(changes, MappingField.EducationCountry, before?.EducationCountry, after.EducationCountry);
        Single(changes, MappingField.DegreeRecognition, before?.DegreeRecognition, after.DegreeRecognition);
        Items(changes, MappingField.Experience, before?.Experience ?? [], after.Experience, e => e.OccupationId, e => e.Label, e => e.Years);
        Items(changes, MappingField.Languages, before?.Languages ?? [], after.Languages, l => l.Code, l => l.Code, l => l.Level);
        Items(changes, MappingField.Skills, before?.Skills ?? [], after.Skills, s => s.ConceptId, s => s.Label, _ => null);
        Items(changes, MappingField.DrivingLicences, before?.DrivingLicences ?? [], after.DrivingLicences, l => l, l => l, _ => null);
        Single(changes, MappingField.Goals, before?.Goals, after.Goals);
        Single(changes, MappingField.Obstacles, before?.Obstacles, after.Obstacles);
        return changes;
    }

    private static void Single<T>(List<MappingChange> changes, MappingField field, T? before, T? after)
    {
        if (EqualityComparer<T?>.Default.Equals(before, after))
            return;
        var kind = before is null ? ChangeKind.Added : after is null ? ChangeKind.Removed : ChangeKind.Changed;
        changes.Add(new MappingChange(field, kind, Before: before, After: after));
    }

    /// <summary>Entries matched by key: added and changed in the new version's order, then the removed ones.</summary>
    private static void Items<T>(List<MappingChange> changes, MappingField field, List<T> before, List<T> after,
        Func<T, string> key, Func<T, string> name, Func<T, object?> value)
    {
        var old = before.GroupBy(key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var current = after.Select(key).ToHashSet(StringComparer.Ordinal);
        foreach (var item in after)
        {
            if (!old.TryGetValue(key(item), out var was))
                changes.Add(new MappingChange(field, ChangeKind.Added, name(item), After: value(item)));
            else if (!Equals(value(was), value(item)))
                changes.Add(new MappingChange(field, ChangeKind.Changed, name(item), value(was), value(item)));
        }
        foreach (var item in before.Where(item => !current.Contains(key(item))))
            changes.Add(new MappingChange(field, ChangeKind.Removed, name(item), Before: value(item)));
    }
}
