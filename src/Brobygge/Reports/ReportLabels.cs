namespace Brobygge.Reports;

/// <summary>The English keys (SharedResource.resx) of the report's names for the pages and charts.</summary>
public static class ReportLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["participants"] = "Participants",
        ["mapped"] = "Mapped",
        ["with_plan"] = "With a plan",
        ["in_activity"] = "In activity",
        ["internship"] = "Internship",
        ["employed"] = "Employed",
        ["studying"] = "Studying",
        ["employed_or_internship"] = "Employed or in internship",
        ["employed_or_studying"] = "Employed or studying",
        ["retained_6m"] = "Still employed at six months",
        ["contacts"] = "Contacts",
        ["enrolled"] = "Enrolled",
        ["woman"] = "Women",
        ["man"] = "Men",
        ["non_binary"] = "Non-binary",
    };

    public static string Of(string name) => Labels.GetValueOrDefault(name, name);
}
