using System.Globalization;

namespace Brobygge.Tests.Imports;

/// <summary>Cohorts in the participant import format that the import and report tests share.</summary>
public static class Cohorts
{
    public const string Header = "ref,personal_number,first_name,last_name,gender,birth_date,status_at_entry,enrolled_on,exited_on,exit_reason,employed_on,employment_type,employer,studies_on,studies_type,followup_6m_on,followup_6m_status";

    /// <summary>The shape of Rekrytera (the import tests' generator): 339 participants, 146 women, 220 employed (of whom
    /// 180 followed up at six months: 160 still employed, 12 not employed, 8 unreached), 46 studying.</summary>
    public static List<string> Rekrytera()
    {
        var lines = new List<string> { Header };
        var start = new DateOnly(2022, 2, 1);
        for (var i = 0; i < 339; i++)
        {
            var enrolled = start.AddDays(i % 300);
            var gender = i < 146 ? "woman" : "man";
            var birth = Iso(new DateOnly(1970 + i % 30, 1 + i % 12, 1 + i % 28));
            string exited = "", reason = "", employed = "", type = "", employer = "", studies = "", studiesType = "", followUp = "", status = "";
            if (i < 220)
            {
                employed = Iso(enrolled.AddMonths(4));
                type = i % 5 == 0 ? "self_employed" : "permanent";
                employer = type == "self_employed" ? "" : "Arbetsgivare " + i % 17;
                exited = Iso(enrolled.AddMonths(5));
                reason = "employed";
                if (i < 180)
                {
                    followUp = Iso(enrolled.AddMonths(11));
                    status = i < 160 ? "employed" : i < 172 ? "not_employed" : "unreached";
                }
            }
            else if (i < 266)
            {
                studies = Iso(enrolled.AddMonths(3));
                studiesType = i % 2 == 0 ? "komvux" : "vocational";
            }
            lines.Add($"R-{i + 1:0000},,Namn{i},Efternamn{i},{gender},{birth},long_term_unemployed,{Iso(enrolled)},{exited},{reason},{employed},{type},{employer},{studies},{studiesType},{followUp},{status}");
        }
        return lines;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
