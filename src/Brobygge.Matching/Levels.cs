namespace Brobygge.Matching;

/// <summary>
/// Swedish for immigrants (SFI) courses A–D, Swedish as a second language (SAS), or beyond: the same names and order
/// as the program's <c>Brobygge.Participants.SwedishLevel</c>, so the integration converts by name. Higher is more.
/// </summary>
public enum SwedishLevel { None, SfiA, SfiB, SfiC, SfiD, Sas, Fluent }

/// <summary>How well a language other than Swedish is spoken; the program's <c>Mappings.LanguageLevel</c>, in order.</summary>
public enum LanguageLevel { Basic, Good, Fluent, Native }

/// <summary>Swedish driving licence categories (Transportstyrelsen), as the program's <c>DrivingLicenceCategories</c>.</summary>
[Flags]
#pragma warning disable CA1714, CA1711 // the categories' own names; a flags enum named in the plural reads wrong here
public enum DrivingLicences
#pragma warning restore CA1714, CA1711
{
    None = 0,
    AM = 1 << 0, A1 = 1 << 1, A2 = 1 << 2, A = 1 << 3, B = 1 << 4, BE = 1 << 5, C1 = 1 << 6, C1E = 1 << 7,
    C = 1 << 8, CE = 1 << 9, D1 = 1 << 10, D1E = 1 << 11, D = 1 << 12, DE = 1 << 13,
}

/// <summary>An opening is a job or an internship place (an opening of its own kind, issue 15).</summary>
public enum OpeningKind { Job, Internship }

/// <summary>The employment an opening offers (the JobTech employment types, simplified).</summary>
public enum EmploymentType { Permanent, FixedTerm, Hourly, Seasonal, Internship }
