using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Brobygge.Localization;
using Microsoft.Extensions.Localization;

namespace Brobygge.Activities;

public sealed class NewModel(BrobyggeDb db, IStringLocalizer<SharedResource> t, TimeProvider time)
    : EnrolmentFormPage<ActivityInput>(db, t, time)
{
    protected override string SavedMessage => "The activity was saved.";

    /// <summary>"Start an internship" links here with ?kind=Internship.</summary>
    protected override void Prefill(EnrolmentHeader header)
    {
        Input.Kind = Enum.TryParse<ActivityKind>(Request.Query["kind"], out var kind) ? kind : null;
        Input.Status = ActivityStatus.Held;
        Input.OccurredOn = Today;
    }

    protected override async Task<object?> WriteAsync(BrobyggeDb db, Guid enrolmentId, Problems problems, CancellationToken cancellationToken)
        => await ActivityOperations.AddAsync(db, enrolmentId, Input, Today, problems, cancellationToken);
}
