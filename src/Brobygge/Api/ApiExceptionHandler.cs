using System.Reflection;
using System.Text.RegularExpressions;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Api;

/// <summary>
/// Turns the exceptions the operations throw into ProblemDetails (RFC 9457), in one place: not found (also for
/// a record outside the user's scope) → 404, a save over someone else's change → 409, and a request that cannot
/// be read (bad JSON, an unknown enum value, a date that is no date) → 400 naming the field.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has cleared the endpoint (and may have moved the path to the error page): its feature keeps them.
        var original = httpContext.Features.Get<IExceptionHandlerFeature>();
        var isApi = ApiSetup.IsApiPath(original?.Path is { } path ? new PathString(path) : httpContext.Request.Path);
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException bad => BadRequest(original?.Endpoint ?? httpContext.GetEndpoint(), bad),
            _ when !isApi => null,
            NotFoundException => new ProblemDetails { Status = StatusCodes.Status404NotFound, Detail = exception.Message },
            ConflictException => Conflict(exception.Message),
            DbUpdateConcurrencyException => Conflict("The record was changed by someone else."),
            _ => null,
        };
        if (problem is null)
            return false;
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    [GeneratedRegex(@"^Failed to bind parameter ""(?:[^""]*\s)?(\w+)"" from")]
    private static partial Regex BoundParameter();

    private static ProblemDetails Conflict(string message) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Detail = message + " Read it again and send your change with its current version.",
    };

    private static ProblemDetails BadRequest(Endpoint? endpoint, BadHttpRequestException exception)
    {
        if (exception.InnerException is not JsonException json)
            // A query value of the wrong type ("page=abc"): the framework names the parameter in its message.
            return BoundParameter().Match(exception.Message) is { Success: true } parameter
                ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter.Groups[1].Value] = [exception.Message] })
                    { Status = exception.StatusCode, Detail = exception.Message }
                : new ProblemDetails { Status = exception.StatusCode, Detail = exception.Message };
        var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var (field, type) = Resolve(bodyType, json.Path);
        var where = json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [Expected(type) + where] })
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = "The request body could not be read as JSON of the expected shape.",
        };
    }

    /// <summary>Follows a JSON path ("$.person.gender", "$.languages[1]") through the body type, to name the
    /// field in camelCase and to know what it should have held.</summary>
    private static (string Field, Type? Type) Resolve(Type? bodyType, string? path)
    {
        var parts = (path ?? "$").TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
            return ("body", bodyType);
        var type = bodyType;
        var names = new List<string>();
        foreach (var part in parts)
        {
            var name = part.Split('[')[0].Trim('\'', '[', ']');
            names.Add(JsonNamingPolicy.CamelCase.ConvertName(name));
            type = ElementType(type)?.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (part.Contains('[', StringComparison.Ordinal))
                type = ElementType(type);
        }
        return (string.Join('.', names), type);
    }

    private static Type? ElementType(Type? type)
        => type is null || type == typeof(string) ? type
            : type.IsArray ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
                ?? type;

    private static string Expected(Type? type)
    {
        var plain = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return plain switch
        {
            null => "The value is not valid here.",
            { IsEnum: true } => $"Use one of: {string.Join(", ", Enum.GetNames(plain))}.",
            _ when plain == typeof(DateOnly) => "Use a date written yyyy-MM-dd, e.g. 2025-03-01.",
            _ when plain == typeof(Guid) => "Use an id written like 0196a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b.",
            _ when plain == typeof(bool) => "Use true or false.",
            _ when plain == typeof(int) || plain == typeof(double) || plain == typeof(long) || plain == typeof(decimal) => "Use a number.",
            _ when plain == typeof(string) => "Use a string.",
            _ when plain.IsArray || plain.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "Use a list.",
            _ => "Use an object.",
        };
    }
}
