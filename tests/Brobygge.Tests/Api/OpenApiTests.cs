using System.Net;
using System.Text.Json;
using Brobygge.Tests.Fixtures;

namespace Brobygge.Tests.Api;

public abstract class OpenApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await _app.Anonymous().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document)
        => document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)).Select(o => (path.Name, o.Name, o.Value)));

    [Fact]
    public async Task The_document_lists_operations_for_every_feature_each_with_an_id_and_a_summary()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        var tags = operations.SelectMany(o => o.Operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString())).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Contacts", "Participants", "Enrolments", "Assignments", "Mappings", "Plan steps", "Activities", "Outcomes", "Follow-ups", "Tokens" }, tags);
        Assert.All(operations, o =>
        {
            Assert.StartsWith("/api/v1/", o.Path);
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("summary").GetString()), $"{o.Method} {o.Path} has no summary");
        });
        var ids = operations.Select(o => o.Operation.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("RegisterContact", ids);
        Assert.Contains("RecordFollowUp", ids);
    }

    /// <summary>Redocly's recommended rules (CI) warn on a tag without a description: every tag an operation uses is
    /// described in the document's tag list.</summary>
    [Fact]
    public async Task Every_tag_an_operation_uses_is_described()
    {
        var document = await DocumentAsync();
        var used = Operations(document).SelectMany(o => o.Operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)).ToHashSet();
        var described = document.GetProperty("tags").EnumerateArray()
            .Where(tag => tag.TryGetProperty("description", out var description) && !string.IsNullOrWhiteSpace(description.GetString()))
            .Select(tag => tag.GetProperty("name").GetString()!).ToHashSet();

        Assert.Empty(used.Except(described));
    }

    /// <summary>The operations throw NotFoundException for a record outside the user's access and ConflictException for a
    /// stale version (ApiExceptionHandler answers 404 and 409): the document must say so where they can.</summary>
    [Fact]
    public async Task Every_operation_that_finds_a_record_by_id_documents_404_and_every_change_of_one_409()
    {
        var missing = new List<string>();
        foreach (var (path, method, operation) in Operations(await DocumentAsync()))
        {
            var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
            if (path.Contains('{', StringComparison.Ordinal) && !responses.Contains("404"))
                missing.Add($"{method} {path}: 404");
            if (method == "put" && !responses.Contains("409"))
                missing.Add($"{method} {path}: 409");
            if (operation.TryGetProperty("requestBody", out _) && !responses.Contains("400"))
                missing.Add($"{method} {path}: 400");
        }

        Assert.True(missing.Count == 0, "Undocumented answers: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Every_operation_but_the_tokens_requires_the_bearer_scheme()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        foreach (var (path, method, operation) in Operations(document))
        {
            var secured = operation.TryGetProperty("security", out var security) && security.EnumerateArray().Any(r => r.TryGetProperty("Bearer", out _));
            Assert.True(secured != path.StartsWith("/api/v1/tokens", StringComparison.Ordinal), $"{method} {path}");
        }
    }

    [Fact]
    public async Task Enums_are_strings_and_dates_are_dates_in_the_schemas()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        var exitReason = schemas.GetProperty("ExitReason");
        Assert.Contains("Employed", exitReason.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        var exitInput = schemas.GetProperty("ExitInput").GetProperty("properties");
        Assert.Equal("date", exitInput.GetProperty("exitedOn").GetProperty("format").GetString());
    }
}

public sealed class SqliteOpenApiTests(SqliteApp app) : OpenApiTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresOpenApiTests(PostgresApp app) : OpenApiTests<PostgresApp>(app);
