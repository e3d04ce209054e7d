using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Brobygge.Localization;
using Microsoft.Extensions.Localization;

namespace Brobygge.Outcomes;

public sealed class NewModel(BrobyggeDb db, IStringLocalizer<SharedResource> t, TimeProvider time)
    : EnrolmentFormPage<OutcomeInput>(db, t, time)
{
    protected override string SavedMessage => "The result was saved.";

    protected override void Prefill(EnrolmentHeader header) => Input.StartedOn = Today;

    protected override async Task<object?> WriteAsync(BrobyggeDb db, Guid enrolmentId, Problems problems, CancellationToken cancellationToken)
        => await OutcomeOperations.RecordAsync(db, enrolmentId, Input, Today, problems, cancellationToken);
}
