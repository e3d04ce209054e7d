using System.CommandLine;
using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Projects;

namespace Brobygge.Imports;

/// <summary><c>import participants FILE --project CODE [--dry-run]</c>: every problem of the file on standard error,
/// one per line, and exit 1 with nothing written; otherwise how many participants were created and updated.</summary>
public static class ImportCommand
{
    public static Command Create(Cli cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV (UTF-8, , or ;) or XLSX file in the participant import format" };
        var project = new Option<string>("--project") { Description = "Project code", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report, without writing anything" };
        var participants = new Command("participants", "Import participants of a project from CSV or XLSX (docs: participants-import.md). All or nothing.") { file, project, dryRun };
        cli.Handle(participants, async (services, parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
                throw new CommandLineException($"{path.FullName} does not exist.");
            var db = services.GetRequiredService<BrobyggeDb>();
            var owner = await ProjectCode.FindAsync(db, parse.GetValue(project)!, cancellationToken);
            ImportTable table;
            await using (var stream = path.OpenRead())
                table = ImportFile.Read(stream, path.Name);
            var today = services.GetRequiredService<TimeProvider>().Today();
            var result = await ParticipantImport.RunAsync(db, services.GetRequiredService<IdentityNumberProtector>(), owner, table, today,
                parse.GetValue(dryRun), cancellationToken);
            if (!result.Succeeded)
            {
                foreach (var problem in result.Problems)
                    await cli.Error.WriteLineAsync(problem.ToString());
                throw new CommandLineException($"{result.Problems.Select(p => p.Line).Distinct().Count()} line(s) of {path.Name} have problems; nothing was imported.");
            }
            await cli.Output.WriteLineAsync(result.Written
                ? $"{owner.Code}: {result.Created} participants created, {result.Updated} updated."
                : $"{owner.Code}: the file is valid (dry run, nothing written): {result.Created} participants would be created, {result.Updated} updated.");
        });
        return new Command("import", "Import data from files.") { participants };
    }
}
