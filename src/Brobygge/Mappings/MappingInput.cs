using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Brobygge.Data;
using Brobygge.Participants;
using Brobygge.Taxonomy;

namespace Brobygge.Mappings;

/// <summary>Adds a problem under a form field; the message is an English resource key, formatted with the arguments.</summary>
public delegate void AddProblem(string field, string message, params object[] arguments);

/// <summary>Swedish driving licence categories (Transportstyrelsen), in the order a licence lists them.</summary>
public static class DrivingLicenceCategories
{
    public static readonly IReadOnlyList<string> All = ["AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"];
}

/// <summary>
/// The fields of the mapping form. Attributes check single fields; <see cref="ValidateAsync"/> the rest: occupations
/// and skills are resolved from the labels typed (the form works without JavaScript), rows are checked one by one, and
/// every problem is reported under its field before anything is saved.
/// </summary>
public sealed class MappingInput
{
    /// <summary>Empty rows offered below the filled ones for experience and languages.</summary>
    public const int EmptyRows = 3;

    public const string OccupationType = "occupation-name";
    public const string SkillType = "skill";

    // Bounds on what a form or a client may send, so reading it costs little whatever it holds.
    public const int MaxSkillsLength = 8000, MaxLabelLength = 300, MaxRows = 50;

    [Required(ErrorMessage = "Enter the date of the mapping.")]
    public DateOnly? MappedOn { get; set; }

    [StringLength(200, ErrorMessage = "The field of education can be at most 200 characters.")]
    public string? EducationField { get; set; }

    /// <summary>ISO 3166 alpha-2, e.g. SY.</summary>
    public string? EducationCountry { get; set; }
    public DegreeRecognition? DegreeRecognition { get; set; }
    public List<ExperienceRow> Experience { get; set; } = [];
    public List<LanguageRow> Languages { get; set; } = [];

    /// <summary>Skill labels, one per line; several on a line may be separated by commas.</summary>
    [MultiLine] public string? Skills { get; set; }

    /// <summary>One more skill, from the search-as-you-type field.</summary>
    public string? AddSkill { get; set; }
    public List<string> DrivingLicences { get; set; } = [];

    [MultiLine, StringLength(4000, ErrorMessage = "The goals can be at most 4000 characters.")]
    public string? Goals { get; set; }

    [MultiLine, StringLength(4000, ErrorMessage = "The obstacles can be at most 4000 characters.")]
    public string? Obstacles { get; set; }

    public sealed class ExperienceRow
    {
        public string? Occupation { get; set; }

        /// <summary>The concept of a row carried over from the previous version, so its label need not be unique.</summary>
        public string? OccupationId { get; set; }
        public string? Years { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Occupation) && string.IsNullOrWhiteSpace(Years);
    }

    public sealed class LanguageRow
    {
        public string? Code { get; set; }
        public LanguageLevel? Level { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Code) && Level is null;
    }

    /// <summary>The form for the next version: the latest one's content, dated today.</summary>
    public static MappingInput From(Mapping latest, DateOnly today) => new MappingInput
    {
        MappedOn = today,
        EducationField = latest.EducationField,
        EducationCountry = latest.EducationCountry,
        DegreeRecognition = latest.DegreeRecognition,
        Experience = latest.Experience.Select(e => new ExperienceRow { Occupation = e.Label, OccupationId = e.OccupationId, Years = Format(e.Years) }).ToList(),
        Languages = latest.Languages.Select(l => new LanguageRow { Code = l.Code, Level = l.Level }).ToList(),
        Skills = string.Join("\n", latest.Skills.Select(s => s.Label)),
        DrivingLicences = [.. latest.DrivingLicences],
        Goals = latest.Goals,
        Obstacles = latest.Obstacles,
    }.WithEmptyRows();

    /// <summary>The form for the first version: what the person's registration already says (mother tongue first).</summary>
    public static MappingInput From(Person person, DateOnly today) => new MappingInput
    {
        MappedOn = today,
        Languages = person.Languages.Select((code, i) => new LanguageRow { Code = code, Level = i == 0 ? LanguageLevel.Native : null }).ToList(),
    }.WithEmptyRows();

    /// <summary>Keeps <see cref="EmptyRows"/> empty rows at the end of each row list.</summary>
    public MappingInput WithEmptyRows()
    {
        while (Experience.Count < EmptyRows || Experience.TakeLast(EmptyRows).Any(r => !r.IsBlank))
            Experience.Add(new ExperienceRow());
        while (Languages.Count < EmptyRows || Languages.TakeLast(EmptyRows).Any(r => !r.IsBlank))
            Languages.Add(new LanguageRow());
        return this;
    }

    /// <summary>Checks every field and returns the new version's content, or null when there was a problem.
    /// <paramref name="previous"/> is the latest version: its date bounds this one, and its occupations and skills are
    /// accepted by label even if the taxonomy has since renamed them.</summary>
    public async Task<Mapping?> ValidateAsync(string prefix, AddProblem report, DateOnly today, Mapping? previous, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var problems = 0;
        void addError(string field, string message, params object[] arguments)
        {
            problems++;
            report(field, message, arguments);
        }

        if (MappedOn > today)
            addError(prefix + nameof(MappedOn), "The date of the mapping cannot be in the future.");
        else if (MappedOn is { } date && previous is not null && date < previous.MappedOn)
            addError(prefix + nameof(MappedOn), "The date cannot be before the previous mapping's date, {0}.", previous.MappedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var country = Codes.Countries.TryFind(EducationCountry);
        if (!string.IsNullOrWhiteSpace(EducationCountry) && country is null)
            addError(prefix + nameof(EducationCountry), "There is no such country. Write an ISO 3166 code (e.g. SY) or the name (e.g. Syria).");

        var occupations = await TaxonomyLookup.ForTypeAsync(db, OccupationType, cancellationToken);
        var experience = new List<WorkExperience>();
        var experienceRows = FilledRows(Experience, r => r.IsBlank, prefix + nameof(Experience), "At most {0} rows of work experience can be filled in.", addError);
        var occupationIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in experienceRows)
        {
            var row = Experience[i];
            var field = $"{prefix}{nameof(Experience)}[{i}].";
            var occupation = row.Occupation is { Length: > MaxLabelLength } ? new Resolved(null, "An occupation can be at most 300 characters.")
                : ResolveOccupation(row, occupations, previous);
            if (string.IsNullOrWhiteSpace(row.Occupation))
                addError(field + nameof(row.Occupation), "Choose the occupation for these years.");
            else if (occupation.Problem is { } problem)
                addError(field + nameof(row.Occupation), problem, row.Occupation.Trim());
            else if (!occupationIds.Add(occupation.Concept!.ConceptId))
                addError(field + nameof(row.Occupation), "This occupation is already on another row.");
            var years = ParseYears(row.Years);
            if (years is null)
                addError(field + nameof(row.Years), "The years in the occupation are a number from 0 to 60.");
            if (occupation.Concept is { } concept && years is { } y)
                experience.Add(new WorkExperience { OccupationId = concept.ConceptId, Label = concept.Label, Years = y });
        }

        var languages = new List<LanguageSkill>();
        var languageRows = FilledRows(Languages, r => r.IsBlank, prefix + nameof(Languages), "At most {0} languages can be filled in.", addError);
        var languageCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in languageRows)
        {
            var row = Languages[i];
            var field = $"{prefix}{nameof(Languages)}[{i}].";
            var code = Codes.Languages.TryFind(row.Code);
            if (string.IsNullOrWhiteSpace(row.Code))
                addError(field + nameof(row.Code), "Enter the language's code for this level.");
            else if (code is null)
                addError(field + nameof(row.Code), "There is no such language. Write an ISO 639 code (e.g. ar) or the name (e.g. Arabic).");
            else if (!languageCodes.Add(code))
                addError(field + nameof(row.Code), "This language is already on another row.");
            if (row.Level is null)
                addError(field + nameof(row.Level), "Choose the level for this language.");
            if (code is not null && row.Level is { } level)
                languages.Add(new LanguageSkill { Code = code, Level = level });
        }

        var skillLookup = await TaxonomyLookup.ForTypeAsync(db, SkillType, cancellationToken);
        var skills = new List<ConceptRef>();
        var skillIds = new HashSet<string>(StringComparer.Ordinal);
        var kept = KeptSkills(previous);
        var skillTexts = Enumerable.Empty<(string Field, string Label, Resolved Resolved)>();
        if (Skills is { Length: > MaxSkillsLength })
            addError(prefix + nameof(Skills), "The skills can be at most {0} characters.", MaxSkillsLength);
        else
            skillTexts = ParseSkills(Skills, skillLookup, kept).Select(skill => (Field: nameof(Skills), skill.Label, skill.Resolved));
        if (AddSkill is { Length: > MaxLabelLength })
            addError(prefix + nameof(AddSkill), "A skill can be at most {0} characters.", MaxLabelLength);
        else if (!string.IsNullOrWhiteSpace(AddSkill))
            skillTexts = skillTexts.Append((nameof(AddSkill), AddSkill.Trim(), ResolveSkill(AddSkill.Trim(), skillLookup, kept)));
        foreach (var (field, label, resolved) in skillTexts)
        {
            if (resolved.Problem is { } problem)
                addError(prefix + field, problem, label);
            else if (skillIds.Add(resolved.Concept!.ConceptId))
                skills.Add(new ConceptRef { ConceptId = resolved.Concept!.ConceptId, Label = resolved.Concept.Label });
        }

        var licences = DrivingLicences.Count > DrivingLicenceCategories.All.Count ? null
            : DrivingLicences.Select(l => (l ?? "").Trim().ToUpperInvariant()).Where(l => l.Length > 0).ToHashSet();
        if (licences is null || licences.Any(l => !DrivingLicenceCategories.All.Contains(l)))
            addError(prefix + nameof(DrivingLicences), "Choose driving licence categories from the list.");

        if (problems > 0 || MappedOn is null)
            return null;
        return new Mapping
        {
            MappedOn = MappedOn.Value,
            EducationField = FreeText.Stored(EducationField),
            EducationCountry = country,
            DegreeRecognition = DegreeRecognition,
            Experience = experience,
            Languages = languages,
            Skills = skills,
            DrivingLicences = DrivingLicenceCategories.All.Where(licences!.Contains).ToList(),
            Goals = FreeText.Stored(Goals),
            Obstacles = FreeText.Stored(Obstacles),
        };
    }

    /// <summary>A label resolved to a concept, or the problem (a resource key taking the label as {0}).</summary>
    internal sealed record Resolved(TaxonomyConcept? Concept, string? Problem, int Matches = 1);

    private const string NoSkill = "There is no skill called “{0}” in the taxonomy.";

    private static Resolved ResolveOccupation(ExperienceRow row, TaxonomyLookup occupations, Mapping? previous)
    {
        if (string.IsNullOrWhiteSpace(row.Occupation))
            return new Resolved(null, null);
        var key = TaxonomyLookup.Key(row.Occupation);
        var matches = occupations.Find(row.Occupation);
        // A row carried over keeps its concept while its label is unchanged, even if the label is not unique.
        if (row.OccupationId is { Length: > 0 } id)
        {
            if (matches.FirstOrDefault(c => c.ConceptId == id) is { } same)
                return new Resolved(same, null);
            if (previous?.Experience.FirstOrDefault(e => e.OccupationId == id && TaxonomyLookup.Key(e.Label) == key) is { } kept)
                return new Resolved(new TaxonomyConcept { ConceptId = kept.OccupationId, Type = OccupationType, Label = kept.Label }, null);
        }
        return matches.Count switch
        {
            1 => new Resolved(matches[0], null),
            0 => new Resolved(null, "There is no occupation called “{0}” in the taxonomy. Choose one from the list."),
            _ => new Resolved(null, "Several occupations are called “{0}”. Ask an administrator to tidy the taxonomy."),
        };
    }

    /// <summary>The previous version's skills by label key: accepted even if the taxonomy has since renamed them.</summary>
    private static Dictionary<string, ConceptRef> KeptSkills(Mapping? previous)
    {
        var kept = new Dictionary<string, ConceptRef>(StringComparer.Ordinal);
        foreach (var skill in previous?.Skills ?? [])
            kept.TryAdd(TaxonomyLookup.Key(skill.Label), skill);
        return kept;
    }

    /// <summary>The indexes of the rows filled in; past <see cref="MaxRows"/> a problem instead, and none of them.</summary>
    private static List<int> FilledRows<T>(List<T> rows, Func<T, bool> isBlank, string field, string tooMany, AddProblem addError)
    {
        var filled = Enumerable.Range(0, rows.Count).Where(i => rows[i] is { } row && !isBlank(row)).Take(MaxRows + 1).ToList();
        if (filled.Count <= MaxRows)
            return filled;
        addError(field, tooMany, MaxRows);
        return [];
    }

    private static Resolved ResolveSkill(string label, TaxonomyLookup skills, Dictionary<string, ConceptRef> keptSkills)
    {
        if (keptSkills.GetValueOrDefault(TaxonomyLookup.Key(label)) is { } kept)
            return new Resolved(new TaxonomyConcept { ConceptId = kept.ConceptId, Type = SkillType, Label = kept.Label }, null);
        var matches = skills.Find(label);
        return matches.Count switch
        {
            1 => new Resolved(matches[0], null),
            0 => new Resolved(null, NoSkill, 0),
            _ => new Resolved(null, "Several skills are called “{0}”. Ask an administrator to tidy the taxonomy.", matches.Count),
        };
    }

    /// <summary>
    /// Skill labels from the text: one per line, or several on a line separated by commas. Labels may contain commas
    /// themselves ("Projektledning, erfarenhet"), so each line is read from the left taking the longest run of
    /// comma-separated parts that is a known label. No label has more parts than the longest known one, so no longer
    /// run is tried: the work grows with the text, not with the cube of its commas.
    /// </summary>
    internal static IEnumerable<(string Label, Resolved Resolved)> ParseSkills(string? text, TaxonomyLookup skills, Mapping? previous)
        => ParseSkills(text, skills, KeptSkills(previous));

    private static IEnumerable<(string Label, Resolved Resolved)> ParseSkills(string? text, TaxonomyLookup skills, Dictionary<string, ConceptRef> kept)
    {
        var mostParts = Math.Max(skills.MostParts, kept.Keys.Select(TaxonomyLookup.PartsOf).DefaultIfEmpty(1).Max());
        foreach (var line in (text ?? "").Split('\n'))
        {
            var parts = line.Split(',');
            var start = 0;
            while (start < parts.Length)
            {
                if (string.IsNullOrWhiteSpace(parts[start]))
                {
                    start++;
                    continue;
                }
                var found = false;
                for (var end = Math.Min(parts.Length, start + mostParts); end > start && !found; end--)
                {
                    var label = string.Join(",", parts[start..end]).Trim();
                    var resolved = ResolveSkill(label, skills, kept);
                    if (resolved.Matches == 0)
                        continue;
                    yield return (label, resolved);
                    start = end;
                    found = true;
                }
                if (!found)
                {
                    yield return (parts[start].Trim(), new Resolved(null, NoSkill, 0));
                    start++;
                }
            }
        }
    }

    /// <summary>Years as people write them: "3", "1,5" or "1.5"; 0 to 60, kept to one decimal.</summary>
    internal static double? ParseYears(string? text)
    {
        var value = text?.Trim().Replace(',', '.');
        return double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var years) && years is >= 0 and <= 60
            ? Math.Round(years, 1, MidpointRounding.AwayFromZero)
            : null;
    }

    internal static string Format(double years) => years.ToString("0.#", CultureInfo.InvariantCulture);
}
