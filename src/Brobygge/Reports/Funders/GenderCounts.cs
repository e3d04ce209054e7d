using Brobygge.Participants;

namespace Brobygge.Reports.Funders;

/// <summary>A count broken down by gender, as every funder asks ("all personal data are to be broken down by gender",
/// Regulation (EU) 2021/1057, Annex I).</summary>
public sealed record GenderCounts(int Total, int Women, int Men, int NonBinary)
{
    public static GenderCounts Zero { get; } = new(0, 0, 0, 0);

    public GenderCounts Add(Gender gender, int count) => gender switch
    {
        Gender.Woman => this with { Total = Total + count, Women = Women + count },
        Gender.Man => this with { Total = Total + count, Men = Men + count },
        _ => this with { Total = Total + count, NonBinary = NonBinary + count },
    };

    /// <summary>The parts a snapshot keeps and a comparison names: <c>total</c>, <c>women</c>, <c>men</c>, <c>nonBinary</c>.</summary>
    public IEnumerable<(string Part, int Value)> Parts()
    {
        yield return ("total", Total);
        yield return ("women", Women);
        yield return ("men", Men);
        yield return ("nonBinary", NonBinary);
    }

    public int Of(string part) => part switch
    {
        "total" => Total,
        "women" => Women,
        "men" => Men,
        _ => NonBinary,
    };
}
