using Brobygge.Data;
using Brobygge.Participants;
using Brobygge.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Enrolments;

/// <summary>
/// A participant's answer at entry to one special category (disability, minority, homelessness), kept in its own table
/// apart from the enrolment's other facts, with the legal basis it was collected on, and only where the project's funder
/// profile asks for it (<see cref="FunderProfile.SpecialCategories"/>). "Declined to answer" is an answer of its own:
/// never counted as "no".
/// </summary>
public sealed class SpecialCategoryAnswer : ITenantOwned, IRecorded
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid EnrolmentId { get; set; }
    public SpecialCategory Category { get; set; }
    public SpecialAnswer Answer { get; set; }
    public SpecialCategoryBasis Basis { get; set; }
    public DateOnly CollectedOn { get; set; }

    public DateTime RecordedAt { get; set; }
    public Guid? RecordedById { get; set; }
    public RecordOrigin Origin { get; set; }
    public Guid? HistoryOf { get; set; }
    public DateTime? SupersededAt { get; set; }
    public DateTime? RemovedAt { get; set; }
    public Guid? RemovedById { get; set; }
    public string? RemovalReason { get; set; }
}

public enum SpecialAnswer { Yes, No, DeclinedToAnswer }

/// <summary>The exception to GDPR Art. 9(1) the data are processed under: (a) explicit consent, or (g) substantial public
/// interest on the basis of law (in Sweden, lagen (2018:218) 3 kap. 3 §).</summary>
public enum SpecialCategoryBasis { ExplicitConsent, SubstantialPublicInterest }

/// <summary>The special categories asked at entry, as the enrolment form and the API post them.</summary>
public sealed class SpecialCategoriesInput
{
    public SpecialAnswer? Disability { get; set; }
    public SpecialAnswer? Minority { get; set; }
    public SpecialAnswer? Homelessness { get; set; }

    /// <summary>Empty takes explicit consent, Art. 9(2)(a).</summary>
    public SpecialCategoryBasis? Basis { get; set; }

    public SpecialAnswer? Of(SpecialCategory category) => category switch
    {
        SpecialCategory.Disability => Disability,
        SpecialCategory.Minority => Minority,
        _ => Homelessness,
    };

    public bool IsEmpty => Disability is null && Minority is null && Homelessness is null && Basis is null;
}

public static class SpecialCategories
{
    private const string Prefix = nameof(EnrolInput.SpecialCategories) + ".";

    /// <summary>Every category the profile asks must be answered (declining is an answer); nothing is collected where
    /// the profile does not ask.</summary>
    public static void Check(FunderProfile profile, SpecialCategoriesInput? input, Problems problems)
    {
        foreach (var category in Enum.GetValues<SpecialCategory>())
        {
            var answer = input?.Of(category);
            if (profile.Collects(category) && answer is null)
                problems.Add(Prefix + category, "Choose an answer; “declined to answer” is one.");
            else if (!profile.Collects(category) && answer is not null)
                problems.Add(Prefix + category, "The project's funder does not ask this; it is not collected.");
        }
        if (profile.SpecialCategories.Count == 0 && input?.Basis is not null)
            problems.Add(Prefix + nameof(SpecialCategoriesInput.Basis), "The project's funder does not ask this; it is not collected.");
    }

    /// <summary>Adds the checked answers to a new enrolment.</summary>
    public static void Add(BrobyggeDb db, Enrolment enrolment, FunderProfile profile, SpecialCategoriesInput? input, DateTime now)
    {
        foreach (var category in profile.SpecialCategories)
            if (input?.Of(category) is { } answer)
                db.Set<SpecialCategoryAnswer>().Add(new SpecialCategoryAnswer
                {
                    OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, Category = category, Answer = answer,
                    Basis = input.Basis ?? SpecialCategoryBasis.ExplicitConsent, CollectedOn = enrolment.EnrolledOn,
                    RecordedAt = now, RecordedById = db.Scope.IsSystem ? null : db.Scope.UserId, Origin = RecordOrigin.Staff,
                });
    }

    /// <summary>The facts at entry the enrolment has a place for today, for <see cref="FunderProfile.CheckEntry"/>.
    /// The facts at entry (age at entry, education, citizenship, country of birth, unemployed since, home municipality)
    /// move onto the enrolment; until they do, gender, age and education come from the person.</summary>
    public static IReadOnlyDictionary<EntryFact, object?> EntryFactsOf(Person person, EnrolInput input) => new Dictionary<EntryFact, object?>
    {
        [EntryFact.Gender] = person.Gender,
        [EntryFact.AgeAtEntry] = person.BirthDate == default ? null : person.BirthDate,
        [EntryFact.Education] = person.EducationLevel,
        [EntryFact.LabourMarketStatus] = input.StatusAtEntry,
    };
}

public sealed class SpecialCategoryAnswerConfiguration : IEntityTypeConfiguration<SpecialCategoryAnswer>
{
    public void Configure(EntityTypeBuilder<SpecialCategoryAnswer> builder)
    {
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(a => a.EnrolmentId);
        builder.HasIndex(a => new { a.EnrolmentId, a.Category });
        builder.Property(a => a.RemovalReason).HasMaxLength(500);
    }
}
