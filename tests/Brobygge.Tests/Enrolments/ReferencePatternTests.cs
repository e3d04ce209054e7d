using Brobygge.Enrolments;

namespace Brobygge.Tests.Enrolments;

public sealed class ReferencePatternTests
{
    [Fact]
    public void The_next_reference_follows_the_prefix_and_width_the_project_uses()
        => Assert.Equal("RK-0043", ReferencePattern.Next(["RK-0001", "RK-0042", "RK-0007", "P-0100"]));

    [Fact]
    public void A_project_without_numbered_references_starts_at_p_0001()
        => Assert.Equal("P-0001", ReferencePattern.Next(["Anna", "R-1a2b"]));

    [Fact]
    public void A_number_that_outgrows_its_width_grows()
        => Assert.Equal("HBG1000", ReferencePattern.Next(["HBG999", "HBG998"]));
}
