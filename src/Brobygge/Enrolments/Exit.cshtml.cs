using Brobygge.Data;
using Brobygge.Forms;
using Brobygge.Localization;
using Microsoft.Extensions.Localization;

namespace Brobygge.Enrolments;

public sealed class ExitModel(BrobyggeDb db, IStringLocalizer<SharedResource> t, TimeProvider time)
    : EnrolmentFormPage<ExitInput>(db, t, time)
{
    protected override string SavedMessage => "The participation was ended and the follow-ups scheduled.";

    protected override void Prefill(EnrolmentHeader header) => Input = new ExitInput { ExitedOn = header.ExitedOn ?? Today, Version = header.Version };

    protected override async Task<object?> WriteAsync(BrobyggeDb db, Guid enrolmentId, Problems problems, CancellationToken cancellationToken)
        => await EnrolmentOperations.ExitAsync(db, enrolmentId, Input, Today, problems, cancellationToken);
}
