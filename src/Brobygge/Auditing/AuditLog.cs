using System.Threading.Channels;
using Brobygge.Data;
using Brobygge.Identity;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge.Auditing;

/// <summary>
/// Writes read and refusal events with group commit: a request hands its event over and waits; one writer per process
/// takes whatever has queued, inserts it with a context of its own in one transaction, and only then lets those
/// requests answer. So an event is durable before the response it records is sent (a crash loses no answered read),
/// a read never saves the request's context, and a burst of reads costs one commit per batch instead of one each.
/// On SQLite the database has one writer anyway: batches queue behind other writes, but reads no longer do one by one.
/// </summary>
public sealed class AuditLog : IAsyncDisposable
{
    /// <summary>Enough to take a burst in one commit, small enough for one statement batch.</summary>
    private const int MaxBatch = 500;

    private readonly IServiceScopeFactory _scopes;
    private readonly IHttpContextAccessor _http;
    private readonly ILogger<AuditLog> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private Task? _writer;

    public AuditLog(IServiceScopeFactory scopes, IHttpContextAccessor http, ILogger<AuditLog> logger)
    {
        _scopes = scopes;
        _http = http;
        _logger = logger;
    }

    private sealed record Pending(AuditEvent Event, TaskCompletionSource Written);

    /// <summary>Records an event by the scope's user in the scope's organisation (or the record's, for the system);
    /// completes once it is committed, and fails if it could not be, so the caller answers with an error instead of
    /// with data whose reading went unrecorded.</summary>
    public Task RecordAsync(AccessScope scope, AuditAction action, string entityType, Guid entityId, List<Guid>? shownIds,
        CancellationToken cancellationToken, Guid? organisationId = null)
    {
        var audit = new AuditEvent
        {
            OrganisationId = organisationId ?? scope.OrganisationId,
            UserId = scope.IsSystem ? null : scope.UserId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            ShownIds = shownIds,
            Route = RouteOf(_http.HttpContext),
            Source = scope.Source,
        };
        var pending = new Pending(audit, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(AuditLog), "The application is stopping; the read cannot be recorded.");
        StartWriter();
        // A request that is given up stops waiting; its event is written all the same.
        return pending.Written.Task.WaitAsync(cancellationToken);
    }

    /// <summary>"GET /Participants/Details" (a page), "GET /api/v1/participants/{personId:guid}" (an endpoint's route
    /// template): what was asked for, never the values in the request.</summary>
    internal static string? RouteOf(HttpContext? http)
    {
        // An exception handler has cleared the endpoint by the time a 404 for NotFoundException is written.
        // A status page shown for a 404 answers for the request's own route (StatusPages).
        var endpoint = http?.Features.Get<IStatusCodeReExecuteFeature>() is { } statusPage
            ? statusPage.Endpoint
            : http?.GetEndpoint() ?? http?.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var template = endpoint?.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath ?? (endpoint as RouteEndpoint)?.RoutePattern.RawText;
        if (template is null)
            return null;
        var text = $"{http!.Request.Method} {template}";
        return text.Length <= 200 ? text : text[..200];
    }

    private void StartWriter()
    {
        if (Volatile.Read(ref _writer) is not null)
            return;
        lock (_gate)
        {
            if (_writer is not null)
                return;
            // The writer outlives the request that starts it: it must not carry that request's context along.
            using (ExecutionContext.SuppressFlow())
                Volatile.Write(ref _writer, Task.Run(WriteAllAsync));
        }
    }

    private async Task WriteAllAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
                batch.Add(pending);
            try
            {
                await using var scope = _scopes.CreateSystemScope();
                var db = scope.ServiceProvider.GetRequiredService<BrobyggeDb>();
                db.AuditEvents.AddRange(batch.Select(p => p.Event));
                await db.SaveChangesAsync();
                foreach (var pending in batch)
                    pending.Written.TrySetResult();
            }
            catch (Exception e)
            {
                _logger.LogError(e, "{Count} audit events could not be written; their requests fail.", batch.Count);
                foreach (var pending in batch)
                    pending.Written.TrySetException(new InvalidOperationException("The audit event could not be written.", e));
            }
        }
    }

    /// <summary>Writes what has queued before the application stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (Volatile.Read(ref _writer) is { } writer)
            await writer;
    }
}
