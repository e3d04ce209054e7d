namespace Brobygge.Matching;

/// <summary>
/// The score of a candidate for an opening: hard requirements filter (Swedish level, required driving licences and
/// languages), the rest adds points. One function scores and explains, so the explanation is always the score's.
/// </summary>
/// <remarks>Points: occupation same concept 40, same SSYK 4-digit group 30, 3-digit 20, 2-digit 10; required skills up
/// to 20 and desired up to 8 (a skill related to the opening's SSYK group through the taxonomy weighs double), 2 per
/// other skill of the group (at most 4); Swedish above the minimum 2; desired languages up to 5; desired licences 3;
/// same municipality 10, same county 5; education level met 5; available from the start 4; hours met 3.</remarks>
internal static class Scoring
{
    public const int SameOccupation = 40, SameGroup4 = 30, SameGroup3 = 20, SameGroup2 = 10;
    public const int RequiredSkills = 20, DesiredSkills = 8, RelatedSkill = 2, RelatedSkillsMax = 4;
    public const int SwedishAbove = 2, DesiredLanguages = 5, DesiredLicences = 3;
    public const int SameMunicipality = 10, SameCounty = 5, Education = 5, AvailableFromStart = 4, Hours = 3;

    /// <summary>The most points a candidate can get from everything but occupation and skills.</summary>
    public static int MaxOther(CompiledOpening o) =>
        (o.MinimumSwedish < SwedishLevel.Fluent ? SwedishAbove : 0)
        + (o.DesiredLanguages.Length > 0 ? DesiredLanguages : 0)
        + (o.DesiredLicences != DrivingLicences.None ? DesiredLicences : 0)
        + (o.Municipality >= 0 ? SameMunicipality : 0)
        + (o.Education >= 0 ? Education : 0)
        + AvailableFromStart
        + (o.Hours >= 0 ? Hours : 0);

    /// <summary>Whether the candidate passes the hard requirements that need no more than the candidate's scalars.</summary>
    public static bool PassesQuick(CompiledOpening o, SwedishLevel swedish, DrivingLicences licences) =>
        swedish >= o.MinimumSwedish && (licences & o.RequiredLicences) == o.RequiredLicences;

    /// <summary>The most skill points the opening gives.</summary>
    public static int MaxSkills(CompiledOpening o) =>
        (o.Required.Length > 0 ? RequiredSkills : 0) + (o.Desired.Length > 0 ? DesiredSkills : 0) + (o.Related.Length > 0 ? RelatedSkillsMax : 0);

    /// <summary>
    /// A cheap upper bound of <see cref="Evaluate"/> (the hard requirements aside): every part exact but skills and
    /// desired languages, which count as full. Lets a query skip the skill merges of a candidate who cannot enter.
    /// </summary>
    public static int Bound(CompiledOpening o, scoped in CandidateView c)
    {
        var occupation = 0;
        for (var i = 0; i < c.Occupations.Length && occupation < SameOccupation; i++)
            occupation = Math.Max(occupation, OccupationPoints(o, c.Occupations[i], c.Groups[i]));
        return occupation
            + (c.Skills.Length > 0 ? o.MaxSkills : 0)
            + (c.Swedish > o.MinimumSwedish ? SwedishAbove : 0)
            + (o.DesiredLanguages.Length > 0 && c.Languages.Length > 0 ? DesiredLanguages : 0)
            + (o.DesiredLicences != DrivingLicences.None && (c.Licences & o.DesiredLicences) == o.DesiredLicences ? DesiredLicences : 0)
            + (o.Municipality >= 0 && c.Municipality == o.Municipality ? SameMunicipality : o.County >= 0 && c.County == o.County ? SameCounty : 0)
            + (o.Education >= 0 && c.Education >= o.Education ? Education : 0)
            + (c.AvailableFrom <= o.StartsOn ? AvailableFromStart : 0)
            + (o.Hours >= 0 && c.Hours >= o.Hours ? Hours : 0);
    }

    private static int OccupationPoints(CompiledOpening o, int occupation, int group) =>
        occupation == o.Occupation ? SameOccupation
        : group < 0 || o.Group < 0 ? 0
        : group == o.Group ? SameGroup4
        : group / 10 == o.Group / 10 ? SameGroup3
        : group / 100 == o.Group / 100 ? SameGroup2
        : 0;

    /// <summary>The score, or -1 when a hard requirement is not met; with <paramref name="reasons"/>, why.</summary>
    public static int Evaluate(CompiledOpening o, scoped in CandidateView c, List<Reason>? reasons)
    {
        if (!PassesQuick(o, c.Swedish, c.Licences))
            return -1;
        foreach (var language in o.RequiredLanguages)
        {
            if (!Speaks(c.Languages, language))
                return -1;
        }

        var score = 0;

        // Occupation: the best of the candidate's experienced and wanted occupations.
        var occupation = 0;
        var matchedGroup = -1;
        for (var i = 0; i < c.Occupations.Length; i++)
            occupation = Math.Max(occupation, OccupationPoints(o, c.Occupations[i], c.Groups[i]));
        if (occupation > 0)
        {
            matchedGroup = o.Group;
            score += occupation;
            reasons?.Add(occupation switch
            {
                SameOccupation => new Reason(ReasonKind.SameOccupation),
                SameGroup4 => new Reason(ReasonKind.SameGroup4, matchedGroup),
                SameGroup3 => new Reason(ReasonKind.SameGroup3, matchedGroup),
                _ => new Reason(ReasonKind.SameGroup2, matchedGroup),
            });
        }

        // Skills, weighed through the skill–SSYK relations.
        if (o.Required.Length > 0)
        {
            var (count, weight) = Overlap(c.Skills, o.Required, o.RequiredWeights);
            score += RequiredSkills * weight / o.RequiredTotal;
            reasons?.Add(new Reason(ReasonKind.RequiredSkills, count, o.Required.Length));
        }
        if (o.Desired.Length > 0)
        {
            var (count, weight) = Overlap(c.Skills, o.Desired, o.DesiredWeights);
            score += DesiredSkills * weight / o.DesiredTotal;
            if (count > 0)
                reasons?.Add(new Reason(ReasonKind.DesiredSkills, count, o.Desired.Length));
        }
        if (o.Related.Length > 0)
        {
            var (count, _) = Overlap(c.Skills, o.Related, null);
            if (count > 0)
            {
                score += Math.Min(RelatedSkillsMax, RelatedSkill * count);
                reasons?.Add(new Reason(ReasonKind.RelatedSkills, count, o.Group));
            }
        }

        // Languages.
        if (c.Swedish > o.MinimumSwedish)
            score += SwedishAbove;
        if (o.MinimumSwedish > SwedishLevel.None)
            reasons?.Add(new Reason(ReasonKind.Swedish, (int)c.Swedish, (int)o.MinimumSwedish));
        else if (c.Swedish > SwedishLevel.None)
            reasons?.Add(new Reason(ReasonKind.SwedishLevel, (int)c.Swedish)); // its points need a phrase too
        if (o.RequiredLanguages.Length > 0)
            reasons?.Add(new Reason(ReasonKind.RequiredLanguages, Text: string.Join(", ", o.RequiredLanguageCodes)));
        if (o.DesiredLanguages.Length > 0)
        {
            var spoken = 0;
            foreach (var language in o.DesiredLanguages)
            {
                if (Speaks(c.Languages, language))
                    spoken++;
            }
            score += DesiredLanguages * spoken / o.DesiredLanguages.Length;
            if (spoken > 0)
                reasons?.Add(new Reason(ReasonKind.DesiredLanguages, spoken, o.DesiredLanguages.Length));
        }

        // Driving licence.
        if (o.RequiredLicences != DrivingLicences.None)
            reasons?.Add(new Reason(ReasonKind.RequiredLicences, (int)o.RequiredLicences));
        if (o.DesiredLicences != DrivingLicences.None && (c.Licences & o.DesiredLicences) == o.DesiredLicences)
        {
            score += DesiredLicences;
            reasons?.Add(new Reason(ReasonKind.DesiredLicences, (int)o.DesiredLicences));
        }

        // Home municipality: same > same county > elsewhere.
        if (o.Municipality >= 0 && c.Municipality == o.Municipality)
        {
            score += SameMunicipality;
            reasons?.Add(new Reason(ReasonKind.SameMunicipality));
        }
        else if (o.County >= 0 && c.County == o.County)
        {
            score += SameCounty;
            reasons?.Add(new Reason(ReasonKind.SameCounty));
        }

        if (o.Education >= 0 && c.Education >= o.Education)
        {
            score += Education;
            reasons?.Add(new Reason(ReasonKind.Education, c.Education, o.Education));
        }

        // Availability: from when (available now is always from the start), how many hours.
        if (c.AvailableFrom <= o.StartsOn)
        {
            score += AvailableFromStart;
            reasons?.Add(new Reason(ReasonKind.AvailableFromStart));
        }
        else if (c.AvailableFrom != int.MinValue)
        {
            reasons?.Add(new Reason(ReasonKind.AvailableFrom, c.AvailableFrom));
        }
        if (o.Hours >= 0 && c.Hours >= o.Hours)
        {
            score += Hours;
            reasons?.Add(new Reason(ReasonKind.Hours, c.Hours, o.Hours));
        }
        return score;
    }

    private static bool Speaks(ReadOnlySpan<int> spoken, int wanted)
    {
        var language = wanted >> 3;
        foreach (var s in spoken)
        {
            if (s >> 3 == language)
                return (s & 7) >= (wanted & 7);
        }
        return false;
    }

    /// <summary>How many of the sorted <paramref name="listed"/> skills the sorted <paramref name="held"/> holds, and their weight.</summary>
    private static (int Count, int Weight) Overlap(ReadOnlySpan<int> held, int[] listed, int[]? weights)
    {
        int count = 0, weight = 0, i = 0, j = 0;
        while (i < held.Length && j < listed.Length)
        {
            if (held[i] < listed[j])
            {
                i++;
            }
            else if (held[i] > listed[j])
            {
                j++;
            }
            else
            {
                count++;
                weight += weights is null ? 1 : weights[j];
                i++;
                j++;
            }
        }
        return (count, weight);
    }
}
