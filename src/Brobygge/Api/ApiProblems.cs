using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brobygge.Api;

/// <summary>Problems with a request, named as the client wrote the field: the JSON (camelCase) path.</summary>
public static class ApiProblems
{
    /// <summary>A 400 ValidationProblem listing every problem, by the field's JSON name.</summary>
    public static ValidationProblem Validation(Problems problems)
        => TypedResults.ValidationProblem(problems.ByField.ToDictionary(pair => JsonName(pair.Key), pair => pair.Value, StringComparer.Ordinal));

    /// <summary>"Enrolment.StatusAtEntry" → "enrolment.statusAtEntry".</summary>
    public static string JsonName(string field)
        => string.Join('.', field.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));

    /// <summary>Checks the data-annotation attributes the pages check through model binding, so a client learns about
    /// those problems together with the rest.</summary>
    public static void CheckAttributes(object input, string prefix, Problems problems)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        foreach (var result in results)
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
                problems.Add(prefix + member, result.ErrorMessage ?? "The value is not valid.");
    }
}
