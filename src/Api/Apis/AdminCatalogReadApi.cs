using System.Security.Claims;
using Hospital.Api.Apis.Access;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// What admins set up, read back: departments, doctors (retired ones too, marked), rooms and weekly templates, from the
/// catalog in memory. Access as for the admin area's changes (<see cref="DepartmentScopeFilter"/>): a read of one item
/// outside a department admin's scope is 403; lists show a department admin only their departments' items.
/// </summary>
public static class AdminCatalogReadApi
{
    // Lists filter by scope themselves; an empty scope lets every department admin in (DepartmentScopeFilter).
    private static readonly DepartmentScope Filtered = new((_, _) => []);

    public static IEndpointRouteBuilder MapAdminCatalogReadApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Administration")
            .RequireAuthorization(HospitalPolicies.DepartmentAdmin).AddEndpointFilter<DepartmentScopeFilter>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/departments", ListDepartments).WithSummary("Departments with their release policy, by id; a department admin sees theirs. Paged")
            .WithMetadata(Filtered).ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, ListExamples.Departments);
        api.MapGet("/departments/{id:int}", GetDepartment).WithSummary("One department with its release policy")
            .WithMetadata(new DepartmentScope((c, _) => [DepartmentScope.RouteId(c) ?? 0]))
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "department.not_found")
            .WithResponseExample(StatusCodes.Status200OK, ListExamples.DepartmentDetail);
        api.MapGet("/doctors", ListDoctors)
            .WithSummary("Doctors by id, optionally of one department (departmentId), retired ones included with retiredFrom; " +
                         "a department admin sees their departments'. Paged")
            .WithMetadata(Filtered).ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, ListExamples.Doctors);
        api.MapGet("/doctors/{id:int}", GetDoctor).WithSummary("One doctor, retired or not")
            .WithMetadata(new DepartmentScope(AdminApi.DoctorsDepartment)).ProducesProblemCodes(StatusCodes.Status404NotFound, "doctor.not_found")
            .WithResponseExample(StatusCodes.Status200OK, ListExamples.RetiredDoctor);
        api.MapGet("/doctors/{id:int}/templates", GetTemplates)
            .WithSummary("A doctor's weekly sessions (at most one per weekday and period), ended ones with endsFrom")
            .WithMetadata(new DepartmentScope(AdminApi.DoctorsDepartment)).ProducesProblemCodes(StatusCodes.Status404NotFound, "doctor.not_found")
            .WithResponseExample(StatusCodes.Status200OK, ListExamples.Templates);
        api.MapGet("/rooms", ListRooms).WithSummary("Consulting rooms by code; a department admin sees their departments'. Paged")
            .WithMetadata(Filtered).ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, ListExamples.Rooms);
        api.MapGet("/rooms/{code}", GetRoom).WithSummary("One consulting room")
            .WithMetadata(new DepartmentScope((c, catalog) => RoomOf(c.HttpContext.GetRouteValue("code") as string, catalog) is { } room ? [room.DepartmentId] : []))
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "room.not_found")
            .WithResponseExample(StatusCodes.Status200OK, ListExamples.Room);
        return app;
    }

    public static Ok<Page<DepartmentResponse>> ListDepartments([AsParameters] PageQuery paging, ClaimsPrincipal user, CatalogCache cache)
    {
        var catalog = cache.Current.Catalog;
        return TypedResults.Ok(paging.Window().Slice(catalog.Departments.Where(d => user.MayAdministerDepartment(d.Id)).OrderBy(d => d.Id)
            .Select(d => DepartmentResponse.From(d, catalog.ReleasePolicyFor(d.Id)))));
    }

    public static Ok<DepartmentResponse> GetDepartment(int id, CatalogCache cache) =>
        TypedResults.Ok(DepartmentResponse.From(cache.Current.Department(id), cache.Current.Catalog.ReleasePolicyFor(id)));

    public static Ok<Page<AdminDoctorResponse>> ListDoctors(int? departmentId, [AsParameters] PageQuery paging, ClaimsPrincipal user, CatalogCache cache)
    {
        var catalog = cache.Current;
        return TypedResults.Ok(paging.Window().Slice(catalog.Catalog.Doctors
            .Where(d => (departmentId is null || d.DepartmentId == departmentId) && user.MayAdministerDepartment(d.DepartmentId)).OrderBy(d => d.Id)
            .Select(d => AdminDoctorResponse.From(d, catalog.FindDepartment(d.DepartmentId)))));
    }

    public static Ok<AdminDoctorResponse> GetDoctor(int id, CatalogCache cache)
    {
        var doctor = cache.Current.Doctor(id);
        return TypedResults.Ok(AdminDoctorResponse.From(doctor, cache.Current.FindDepartment(doctor.DepartmentId)));
    }

    public static Ok<IReadOnlyList<TemplateResponse>> GetTemplates(int id, CatalogCache cache)
    {
        var doctor = cache.Current.Doctor(id);
        return TypedResults.Ok<IReadOnlyList<TemplateResponse>>([.. cache.Current.Catalog.Templates.Where(t => t.DoctorId == doctor.Id)
            .OrderBy(t => t.Weekday).ThenBy(t => t.Period).Select(TemplateResponse.From)]);
    }

    public static Ok<Page<Room>> ListRooms([AsParameters] PageQuery paging, ClaimsPrincipal user, CatalogCache cache) =>
        TypedResults.Ok(paging.Window().Slice(cache.Current.Catalog.Rooms.Where(r => user.MayAdministerDepartment(r.DepartmentId))
            .OrderBy(r => r.Code, StringComparer.Ordinal)));

    public static Ok<Room> GetRoom(string code, CatalogCache cache) =>
        TypedResults.Ok(RoomOf(code, cache.Current) ?? throw new NotFoundException("room.not_found", $"There is no room '{code}'."));

    private static Room? RoomOf(string? code, CatalogSnapshot catalog) => catalog.Catalog.Rooms.FirstOrDefault(r => r.Code == code);
}
