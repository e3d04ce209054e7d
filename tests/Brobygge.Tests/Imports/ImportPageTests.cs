using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Imports;

/// <summary>The upload page: a project manager sees the same report as the command line before anything is written,
/// and the file is imported only when they confirm.</summary>
public sealed partial class ImportPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Header = "ref,first_name,last_name,gender,birth_date,status_at_entry,enrolled_on";

    [Fact]
    public async Task The_page_shows_every_problem_before_writing_and_imports_only_when_confirmed()
    {
        var project = await app.CreateProjectAsync();
        var manager = await app.CreateUserAsync(Roles.ProjectManager, project);
        var client = await app.LoginAsync(manager);

        var bad = await UploadAsync(client, project.Id, Header + "\nA-1,Amal,Omar,woman,1990-05-17,unemployed,2025-02-01\nA-2,Bo,Berg,robot,1990-05-17,unemployed,2025-02-01\nA-3,Cem,Cil,man,1990-05-17,jobless,2025-02-01\n");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var report = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("line 3: gender: robot: ", report);
        Assert.Contains("line 4: status_at_entry: jobless: ", report);
        Assert.DoesNotContain("line 2:", report);
        Assert.Equal(0, await EnrolmentsAsync(project.Id));

        var good = await UploadAsync(client, project.Id, Header + "\nA-1,Amal,Omar,woman,1990-05-17,unemployed,2025-02-01\nA-2,Bo,Berg,man,1990-05-17,unemployed,2025-02-01\n");
        var preview = await good.Content.ReadAsStringAsync();
        Assert.Equal(0, await EnrolmentsAsync(project.Id));
        var content = HiddenValue().Match(preview);
        Assert.True(content.Success, "the preview offers to import the file it checked");

        var confirmed = await client.PostAsync("/Imports/Participants?handler=Import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = BrobyggeApp.AntiforgeryTokenIn(preview)!,
            ["ProjectId"] = project.Id.ToString(), ["FileName"] = "cohort.csv", ["FileContent"] = WebUtility.HtmlDecode(content.Groups[1].Value),
        }));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(2, await EnrolmentsAsync(project.Id));
    }

    [Fact]
    public async Task A_coach_cannot_reach_the_import()
    {
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        var client = await app.LoginAsync(coach);

        var response = await client.GetAsync("/Imports/Participants");

        Assert.StartsWith("/Identity/AccessDenied", BrobyggeApp.PathOf(response.Headers.Location));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid projectId, string csv)
    {
        var page = await client.GetStringAsync("/Imports/Participants");
        var form = new MultipartFormDataContent
        {
            { new StringContent(BrobyggeApp.AntiforgeryTokenIn(page)!), "__RequestVerificationToken" },
            { new StringContent(projectId.ToString()), "ProjectId" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Upload", "cohort.csv" },
        };
        return await client.PostAsync("/Imports/Participants", form);
    }

    private Task<int> EnrolmentsAsync(Guid projectId)
        => app.WithDbAsync((db, _) => db.Enrolments.CountAsync(e => e.ProjectId == projectId));

    [GeneratedRegex("name=\"FileContent\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenValue();
}
