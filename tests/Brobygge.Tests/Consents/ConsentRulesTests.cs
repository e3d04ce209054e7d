using Brobygge.Consents;

namespace Brobygge.Tests.Consents;

/// <summary>Whether a purpose is in force on a date, from the dated events alone, and what withdrawing means per legal basis.</summary>
public sealed class ConsentRulesTests
{
    private static readonly Guid Person = Guid.CreateVersion7();
    private static int _number;

    private static Consent Event(ConsentPurpose purpose, ConsentChange change, string on, LegalBasis basis = LegalBasis.Consent, Guid? partner = null)
        => new() { PersonId = Person, Purpose = purpose, Change = change, On = DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), Basis = basis, PartnerId = partner, Number = ++_number };

    [Fact]
    public void A_consent_is_in_force_from_the_day_it_was_given_until_the_day_it_was_withdrawn()
    {
        Consent[] events =
        [
            Event(ConsentPurpose.SmsContact, ConsentChange.Given, "2025-03-01"),
            Event(ConsentPurpose.SmsContact, ConsentChange.Withdrawn, "2025-06-10"),
        ];

        Assert.False(events.InForce(ConsentPurpose.SmsContact, null, new DateOnly(2025, 2, 28)));
        Assert.True(events.InForce(ConsentPurpose.SmsContact, null, new DateOnly(2025, 3, 1)));
        Assert.True(events.InForce(ConsentPurpose.SmsContact, null, new DateOnly(2025, 6, 9)));
        Assert.False(events.InForce(ConsentPurpose.SmsContact, null, new DateOnly(2025, 6, 10)));
    }

    [Fact]
    public void A_consent_given_again_after_a_withdrawal_is_in_force_again_from_that_day()
    {
        Consent[] events =
        [
            Event(ConsentPurpose.EmployerPresentation, ConsentChange.Given, "2025-03-01"),
            Event(ConsentPurpose.EmployerPresentation, ConsentChange.Withdrawn, "2025-04-01"),
            Event(ConsentPurpose.EmployerPresentation, ConsentChange.Given, "2025-05-01"),
        ];

        Assert.False(events.InForce(ConsentPurpose.EmployerPresentation, null, new DateOnly(2025, 4, 30)));
        Assert.True(events.InForce(ConsentPurpose.EmployerPresentation, null, new DateOnly(2025, 5, 1)));
    }

    [Fact]
    public void Within_one_day_the_event_recorded_later_decides()
    {
        Consent[] events =
        [
            Event(ConsentPurpose.FollowUpContact, ConsentChange.Given, "2025-03-01"),
            Event(ConsentPurpose.FollowUpContact, ConsentChange.Withdrawn, "2025-03-01"),
        ];

        Assert.False(events.InForce(ConsentPurpose.FollowUpContact, null, new DateOnly(2025, 3, 1)));
    }

    [Fact]
    public void A_withdrawal_of_a_purpose_resting_on_a_public_task_is_an_objection_and_the_purpose_stays_in_force()
    {
        Consent[] events =
        [
            Event(ConsentPurpose.Registration, ConsentChange.Given, "2025-03-01", LegalBasis.PublicTask),
            Event(ConsentPurpose.Registration, ConsentChange.Withdrawn, "2025-04-01", LegalBasis.PublicTask),
        ];

        Assert.True(events.InForce(ConsentPurpose.Registration, null, new DateOnly(2025, 4, 2)));
        var standing = Assert.Single(ConsentRules.StandingOn(events, new DateOnly(2025, 4, 2)));
        Assert.True(standing.Objected);
        Assert.Equal(new DateOnly(2025, 4, 1), standing.Since);
    }

    [Fact]
    public void A_withdrawal_of_a_purpose_resting_on_legitimate_interest_ends_it()
    {
        Consent[] events =
        [
            Event(ConsentPurpose.FollowUpContact, ConsentChange.Given, "2025-03-01", LegalBasis.LegitimateInterest),
            Event(ConsentPurpose.FollowUpContact, ConsentChange.Withdrawn, "2025-04-01", LegalBasis.LegitimateInterest),
        ];

        Assert.False(events.InForce(ConsentPurpose.FollowUpContact, null, new DateOnly(2025, 4, 1)));
    }

    [Fact]
    public void Sharing_with_one_partner_says_nothing_about_another_or_about_other_purposes()
    {
        var employmentService = Guid.CreateVersion7();
        Consent[] events = [Event(ConsentPurpose.PartnerSharing, ConsentChange.Given, "2025-03-01", partner: employmentService)];

        Assert.True(events.InForce(ConsentPurpose.PartnerSharing, employmentService, new DateOnly(2025, 3, 1)));
        Assert.False(events.InForce(ConsentPurpose.PartnerSharing, Guid.CreateVersion7(), new DateOnly(2025, 3, 1)));
        Assert.False(events.InForce(ConsentPurpose.PartnerSharing, null, new DateOnly(2025, 3, 1)));
        Assert.False(events.InForce(ConsentPurpose.EmployerPresentation, null, new DateOnly(2025, 3, 1)));
    }

    [Theory]
    [InlineData(ConsentPurpose.PartnerSharing)]
    [InlineData(ConsentPurpose.EmployerPresentation)]
    [InlineData(ConsentPurpose.SmsContact)]
    public void Sharing_presenting_and_texting_rest_on_consent_only(ConsentPurpose purpose)
        => Assert.Equal([LegalBasis.Consent], ConsentRules.BasesFor(purpose));
}
