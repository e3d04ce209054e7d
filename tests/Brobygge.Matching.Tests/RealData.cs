namespace Brobygge.Matching.Tests;

/// <summary>
/// The real JobTech taxonomy and se-geo municipality list, read once, and named concepts from them that the tests use.
/// </summary>
public static class RealData
{
    private static readonly Lazy<MatchingTaxonomy> Loaded = new(() => JobTechFiles.Load(
        SharedData.PathTo("data", "jobtech-taxonomy"), SharedData.PathTo("data", "se-geo", "municipality_county.csv")));

    public static MatchingTaxonomy Taxonomy => Loaded.Value;

    // Occupations (occupation-name.csv) around SSYK 2341 Grundskollärare.
    public const string TeacherYears4To6 = "Nzmh_iTb_z7h";      // Lärare i grundskolan, årskurs 4-6, 2341
    public const string TeacherYears1To3 = "zGHj_2Jf_oKy";      // Lärare i grundskolan, årskurs 1-3, 2341
    public const string PreschoolTeacher = "rUcW_z9R_Qsv";      // Lärare i förskola/Förskollärare, 2343
    public const string UpperSecondaryTeacher = "f8q7_Rwv_TP4"; // Lärare i gymnasieskolan, 2330
    public const string KitchenAssistant = "oRB5_b7i_Qzv";      // Köksbiträde, 9412

    // Skills (skill.csv) and their relations (rel_skill_ssyk-level-4.csv).
    public const string EnglishTeaching = "e4Ae_Udd_Hyu";   // Engelska, undervisning grundskolenivå → 2341
    public const string BiologyTeaching = "fLVi_y19_4CU";   // Biologi, undervisning grundskolenivå → 2341
    public const string ArtTeaching = "kTWV_pdu_C2w";       // Bild, undervisning grundskolenivå → 2341
    public const string TableService = "5fAq_Squ_o7p";      // Bordsservering → 9412

    // Municipalities (municipality_county.csv).
    public const string Stockholm = "0180", UpplandsVasby = "0114", Goteborg = "1480";

    public static readonly Guid Organisation = new("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid OtherOrganisation = new("00000000-0000-0000-0000-0000000000a2");
    public static readonly Guid Project = new("00000000-0000-0000-0000-0000000000b1");

    /// <summary>A Guid that sorts by the number given (Guid.CompareTo compares the first four bytes first).</summary>
    public static Guid Id(int n) => new(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);

    public static Candidate Candidate(int id, params string[] occupations) => new()
    {
        Id = Id(id),
        Organisation = Organisation,
        OccupationsExperienced = occupations,
        Swedish = SwedishLevel.SfiD,
        PresentationConsent = true,
    };

    public static Opening Opening(int id, string occupation) => new()
    {
        Id = Id(id),
        Organisation = Organisation,
        Occupation = occupation,
    };

    public static MatchIndex Index(IEnumerable<Candidate> candidates, IEnumerable<Opening> openings)
    {
        var index = new MatchIndex(Taxonomy);
        index.Load(candidates, openings);
        return index;
    }
}
