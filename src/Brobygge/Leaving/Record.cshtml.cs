using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Brobygge.Localization;
using Microsoft.Extensions.Localization;

namespace Brobygge.Leaving;

/// <summary>Records a situation upon leaving; reached from the participant's page once the participant has left.</summary>
public sealed class RecordModel(BrobyggeDb db, IStringLocalizer<SharedResource> t, TimeProvider time)
    : EnrolmentFormPage<LeavingInput>(db, t, time)
{
    private readonly TimeProvider _time = time;

    protected override string SavedMessage => "The situation upon leaving was saved.";

    protected override void Prefill(EnrolmentHeader header) => Input.On = header.ExitedOn;

    protected override async Task<object?> WriteAsync(BrobyggeDb db, Guid enrolmentId, Problems problems, CancellationToken cancellationToken)
        => await LeavingOperations.RecordAsync(db, enrolmentId, Input, Today, _time.GetUtcNow().UtcDateTime, problems, cancellationToken);
}
