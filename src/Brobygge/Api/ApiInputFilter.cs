using System.Globalization;
using System.Reflection;

namespace Brobygge.Api;

/// <summary>
/// Checks every request's body and text parameters against <see cref="InputRules"/> before the endpoint runs: a
/// NUL, an impossible date, NaN, a list of 20,000 items or a <c>null</c> where an object belongs answers 400 naming
/// the JSON field, and nothing is written. The endpoints then only check their own rules.
/// </summary>
public static class ApiInputFilter
{
    public static TBuilder CheckInputRules<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
        => builder.AddEndpointFilterFactory(Create);

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var inputs = context.MethodInfo.GetParameters()
            .Where(p => p.ParameterType == typeof(string) || IsRequestType(p.ParameterType, services))
            .Select(p => (p.Position, Field: p.ParameterType == typeof(string) ? p.Name! : ""))
            .ToArray();
        if (inputs.Length == 0)
            return next;
        return async invocation =>
        {
            var problems = new Problems();
            var today = invocation.HttpContext.RequestServices.GetRequiredService<TimeProvider>().Today();
            foreach (var (position, field) in inputs)
                InputRules.Check(invocation.Arguments[position], field, today,
                    (name, message, arguments) => problems.Add(name, string.Format(CultureInfo.InvariantCulture, message, arguments)),
                    requireDeclaredNotNull: true);
            return problems.Any ? ApiProblems.Validation(problems) : await next(invocation);
        };
    }

    /// <summary>A body the client sends: one of the program's own types that is not a service.</summary>
    private static bool IsRequestType(Type type, IServiceProviderIsService? services)
        => type.IsClass && type.Namespace?.StartsWith(nameof(Brobygge), StringComparison.Ordinal) == true
            && services?.IsService(type) != true && type.GetCustomAttribute<AsParametersAttribute>() is null;
}
