using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Json;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Availability;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>What patients browse before booking; answered from the cached catalog and the availability board, never a query per request.</summary>
public static class BrowsingApi
{
    public const int MaxCalendarDays = ReleasePolicy.MaxWindowDays;

    public static IEndpointRouteBuilder MapBrowsingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Browsing");
        api.MapGet("/departments", GetDepartments).WithSummary("All departments with their release policy")
            .WithResponseExample(StatusCodes.Status200OK, BrowsingExamples.Departments);
        api.MapGet("/departments/{id:int}/calendar", GetDepartmentCalendar)
            .WithSummary("A department's sessions on one day (the hospital's date, default today) with how many slots are free")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "department.not_found")
            .WithResponseExample(StatusCodes.Status200OK, BrowsingExamples.CalendarDay);
        api.MapGet("/doctors", SearchDoctors).WithSummary("Doctors by department and/or keyword (name, specialty, department)")
            .WithResponseExample(StatusCodes.Status200OK, BrowsingExamples.Doctors);
        api.MapGet("/doctors/{id:int}/calendar", GetDoctorCalendar).WithSummary("A doctor's sessions for the next days (default 7, at most 28)")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "doctor.not_found")
            .WithResponseExample(StatusCodes.Status200OK, BrowsingExamples.DoctorCalendar);
        return app;
    }

    public static Ok<List<DepartmentResponse>> GetDepartments(CatalogCache cache) =>
        TypedResults.Ok(cache.Current.Catalog.Departments.Select(d => DepartmentResponse.From(d, cache.Current.Catalog.ReleasePolicyFor(d.Id))).ToList());

    public static Ok<List<DoctorResponse>> SearchDoctors(int? departmentId, string? q, [AsParameters] BrowsingServices services)
    {
        var catalog = services.Cache.Current;
        return TypedResults.Ok(catalog.SearchDoctors(departmentId, q, services.Today).Select(d => DoctorResponse.From(d, catalog.FindDepartment(d.DepartmentId))).ToList());
    }

    public static Utf8JsonOk<CalendarDayResponse> GetDepartmentCalendar(int id, DateOnly? date, [AsParameters] BrowsingServices services, CalendarDayCache calendars)
    {
        var catalog = services.Cache.Current;
        catalog.Department(id);
        return new Utf8JsonOk<CalendarDayResponse>(calendars.Get(catalog, id, date ?? services.Today, services));
    }

    public static Ok<List<CalendarDayResponse>> GetDoctorCalendar(int id, int? days, [AsParameters] BrowsingServices services)
    {
        var catalog = services.Cache.Current;
        catalog.Doctor(id);
        var count = days ?? 7;
        if (count is < 1 or > MaxCalendarDays) throw InputValidationException.For("days", $"days must be 1 to {MaxCalendarDays}.");
        var from = services.Today;
        var sessions = catalog.SessionsOfDoctor(id, from, from.AddDays(count - 1)).ToLookup(s => s.Date);
        return TypedResults.Ok(Enumerable.Range(0, count).Select(from.AddDays)
            .Select(day => new CalendarDayResponse(day, sessions[day].Select(s => services.Calendar(s, catalog)).ToList())).ToList());
    }
}
