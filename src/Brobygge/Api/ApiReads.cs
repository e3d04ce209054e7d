using Brobygge.Auditing;
using Brobygge.Data;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Api;

/// <summary>One page of a list, and whether more follow.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, bool HasMore);

/// <summary>What the API's reads share: paging, and the audit of reading a participant's records.</summary>
public static class ApiReads
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The last page anyone may ask for: far beyond any list, and (page - 1) × page size stays an int.</summary>
    public const int MaxPage = 100_000;

    /// <summary>Checks the paging parameters; null with the problems when they are out of range.</summary>
    public static (int Page, int PageSize)? Paging(int? page, int? pageSize, Problems problems)
    {
        if (page is < 1 or > MaxPage)
            problems.Add("page", $"Pages are numbered from 1 to {MaxPage}.");
        if (pageSize is < 1 or > MaxPageSize)
            problems.Add("pageSize", $"A page holds 1 to {MaxPageSize} items.");
        return problems.Any ? null : (page ?? 1, pageSize ?? DefaultPageSize);
    }

    /// <summary>Reads one item more than the page holds, to know whether another page follows.</summary>
    public static async Task<ListPage<T>> PageAsync<T>(IQueryable<T> ordered, (int Page, int PageSize) paging, CancellationToken cancellationToken)
    {
        var rows = await ordered.Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize + 1).ToListAsync(cancellationToken);
        return new ListPage<T>(rows.Take(paging.PageSize).ToList(), paging.Page, paging.PageSize, rows.Count > paging.PageSize);
    }

    /// <summary>
    /// Records that the user read a participant's records through one of their enrolments, as the participant page
    /// does (PRODUCT.md: every read of personal data is audited). "Not found" when the enrolment is not visible.
    /// </summary>
    public static async Task RecordEnrolmentReadAsync(this BrobyggeDb db, Guid enrolmentId, CancellationToken cancellationToken)
    {
        var person = await db.Enrolments.AsNoTracking().Where(e => e.Id == enrolmentId).Select(e => e.Person!).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The enrolment");
        await db.RecordReadAsync(person, cancellationToken);
    }
}
