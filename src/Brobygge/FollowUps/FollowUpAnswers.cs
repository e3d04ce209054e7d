using Brobygge.Data;

namespace Brobygge.FollowUps;

/// <summary>
/// Answers of a follow-up that cannot all be true, refused in one place for the page, the API and the import: a person
/// not reached was reached by no method, and "same employer" is asked only of a person in work. Saved, such a follow-up
/// would count as made, and a funder's result indicator would rest on a contradiction.
/// </summary>
public static class FollowUpAnswers
{
    public static void CheckConsistent(FollowUpStatus? status, bool? sameEmployer, ContactMethod? contactMethod, Problems problems)
    {
        // "Not recorded" is no answer but the import's honest "the spreadsheet did not say", so it contradicts nothing.
        if (status == FollowUpStatus.Unreached && contactMethod is { } method && method != ContactMethod.NotRecorded)
            problems.Add(nameof(FollowUpInput.ContactMethod), "A person who was not reached was reached in no way: choose “Not reached” here, or the answer that says what was found.");
        if (status is { } found && found != FollowUpStatus.Employed && sameEmployer is not null)
            problems.Add(nameof(FollowUpInput.SameEmployer), "Same employer is asked only of a person in work: choose “Not applicable”.");
    }
}
