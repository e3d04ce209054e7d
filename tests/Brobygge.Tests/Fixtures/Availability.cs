namespace Brobygge.Tests.Fixtures;

public static class Availability
{
    /// <summary>The app for a test class to use, or every test of the class skipped with the reason its database cannot
    /// be had here (no PostgreSQL server): <c>private readonly TApp _app = app.Available();</c></summary>
    public static TApp Available<TApp>(this TApp app) where TApp : BrobyggeApp
    {
        app.SkipIfUnavailable();
        return app;
    }
}
