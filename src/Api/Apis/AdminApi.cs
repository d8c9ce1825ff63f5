using Hospital.Api.Apis.Access;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using System.Security.Claims;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Orleans;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// Catalog administration and doctor stops. Each change re-plans the window so browsing sees it at once. Access is decided in
/// one place: the group's policy (department or hospital admins), then <see cref="DepartmentScopeFilter"/> with each
/// endpoint's <see cref="DepartmentScope"/>.
/// </summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Administration")
            .RequireAuthorization(HospitalPolicies.DepartmentAdmin).AddEndpointFilter<DepartmentScopeFilter>();
        api.MapPut("/departments/{id:int}", SaveDepartmentAsync).WithSummary("Create or change a department and its release policy")
            .ProducesProblemCodes(StatusCodes.Status403Forbidden, "auth.forbidden", "auth.department_scope")
            .WithMetadata(new DepartmentScope((c, _) => [DepartmentScope.RouteId(c) ?? 0]));
        api.MapPut("/rooms/{code}", SaveRoomAsync).WithSummary("Create or change a consulting room")
            .ProducesProblemCodes(StatusCodes.Status403Forbidden, "auth.forbidden", "auth.department_scope")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "department.not_found")
            .WithMetadata(new DepartmentScope((c, catalog) =>
            [
                DepartmentScope.Body<SaveRoomRequest>(c)?.DepartmentId ?? 0,
                .. catalog.Catalog.Rooms.Where(r => r.Code == c.HttpContext.GetRouteValue("code") as string).Select(r => r.DepartmentId),
            ]));
        api.MapPut("/doctors/{id:int}", SaveDoctorAsync).WithSummary("Create or change a doctor")
            .ProducesProblemCodes(StatusCodes.Status403Forbidden, "auth.forbidden", "auth.department_scope")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "department.not_found")
            .WithMetadata(new DepartmentScope((c, catalog) =>
                [DepartmentScope.Body<SaveDoctorRequest>(c)?.DepartmentId ?? 0, .. DoctorsDepartment(c, catalog)]));
        api.MapPut("/doctors/{id:int}/templates/{weekday}/{period}", SaveTemplateAsync)
            .WithSummary("Create or change a doctor's weekly session; sessions already planned stay as they are, days planned from now on follow it")
            .ProducesProblemCodes(StatusCodes.Status403Forbidden, "auth.forbidden", "auth.department_scope")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "doctor.not_found")
            .WithMetadata(new DepartmentScope(DoctorsDepartment));
        api.MapGet("/catalog/skipped-rows", GetSkippedRows)
            .WithSummary("Catalog rows that break a rule (hospital admins): no sessions are planned from them until they are fixed or deleted")
            .WithResponseExample(StatusCodes.Status200OK, BrowsingExamples.SkippedRows);
        api.MapPost("/sessions/{id}/stop", StopSessionAsync).WithSummary("Doctor stop (停诊): cancel every appointment with a full refund and a notice")
            .ProducesProblemCodes(StatusCodes.Status403Forbidden, "auth.forbidden", "auth.department_scope")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "session.not_found")
            .WithResponseExample(StatusCodes.Status200OK, BrowsingExamples.Stopped)
            .WithMetadata(new DepartmentScope((c, catalog) => catalog.FindSession(DepartmentScope.RouteText(c)) is { } s ? [s.DepartmentId] : []));
        return app;
    }

    public static async Task<NoContent> SaveDepartmentAsync(int id, SaveDepartmentRequest request, [AsParameters] AdminServices services)
    {
        var (department, policy) = AdminValidation.Build(() =>
            (new Department(id, RequiredInput.Text(request.Name, "name"), RequiredInput.Text(request.Location, "location"), request.Description ?? ""),
             new ReleasePolicy(request.WindowDays, request.ReleaseTime, request.WeeklyReleaseDay)), PolicyFields);
        await services.Store.SaveDepartmentAsync(department, policy);
        return await services.ReplanAsync();
    }

    public static async Task<NoContent> SaveRoomAsync(string code, SaveRoomRequest request, [AsParameters] AdminServices services)
    {
        var room = AdminValidation.Build(() => new Room(code, request.DepartmentId, RequiredInput.Text(request.Location, "location")));
        services.Cache.Current.Department(room.DepartmentId);
        await services.Store.SaveRoomAsync(room);
        return await services.ReplanAsync();
    }

    public static async Task<NoContent> SaveDoctorAsync(int id, SaveDoctorRequest request, [AsParameters] AdminServices services)
    {
        var doctor = AdminValidation.Build(() => new Doctor(id, request.DepartmentId, RequiredInput.Text(request.Name, "name"), request.Title,
            request.Specialties ?? [], request.Fee, request.Introduction ?? "", request.Rating));
        services.Cache.Current.Department(doctor.DepartmentId);
        await services.Store.SaveDoctorAsync(doctor);
        return await services.ReplanAsync();
    }

    public static async Task<NoContent> SaveTemplateAsync(int id, DayOfWeek weekday, SessionPeriod period, SaveTemplateRequest request, [AsParameters] AdminServices services)
    {
        var doctor = services.Cache.Current.Doctor(id);
        var template = AdminValidation.Build(() => new ScheduleTemplate(doctor.Id, weekday, period, RequiredInput.Text(request.Room, "room"), request.Quota,
            request.SlotMinutes, new ChannelShares(request.PhoneWindowShare, request.DoctorAddOnShare)), ShareFields,
            () => ScheduleTemplate.CheckRoom(RequiredInput.Text(request.Room, "room")), () => ScheduleTemplate.CheckQuota(request.Quota),
            () => ScheduleTemplate.CheckSlotMinutes(request.SlotMinutes), () => _ = new ChannelShares(request.PhoneWindowShare, request.DoctorAddOnShare));
        if (services.Cache.Current.Catalog.Rooms.All(r => r.Code != template.Room))
            throw InputValidationException.For("room", $"There is no room '{template.Room}'.");
        await services.Store.SaveTemplateAsync(template);
        return await services.ReplanAsync();
    }

    public static Ok<IReadOnlyList<SkippedCatalogRow>> GetSkippedRows(CatalogCache cache) => TypedResults.Ok(cache.Current.Catalog.SkippedRows);

    public static async Task<Ok<StopSessionResponse>> StopSessionAsync(
        string id, StopSessionRequest request, ClaimsPrincipal user, CatalogCache cache, IGrainFactory grains)
    {
        var session = cache.Current.Session(id);
        var reason = AdminValidation.Build(() => FieldCheck.Text(RequiredInput.Text(request.Reason, "reason"), SlotPool.MaxStopReasonLength, "reason"));
        var cancelled = await grains.GetGrain<ISlotPoolGrain>(session.SessionId).StopSessionAsync(BookingActor.Staff(user.Subject()), reason);
        return TypedResults.Ok(new StopSessionResponse(session.SessionId, cancelled));
    }

    /// <summary>The department of the doctor in the route, when the doctor exists (an unknown one touches none and is the handler's 404).</summary>
    internal static IEnumerable<int> DoctorsDepartment(EndpointFilterInvocationContext context, CatalogSnapshot catalog) =>
        DepartmentScope.RouteId(context) is { } id && catalog.FindDoctor(id) is { } doctor ? [doctor.DepartmentId] : [];

    // The request calls ReleasePolicy's DailyReleaseTime releaseTime.
    private static readonly Dictionary<string, string> PolicyFields = new() { [nameof(ReleasePolicy.DailyReleaseTime)] = "releaseTime" };

    // ChannelShares names its parameters PhoneWindow/DoctorAddOn; the request calls them ...Share.
    private static readonly Dictionary<string, string> ShareFields = new()
    {
        [nameof(ChannelShares.PhoneWindow)] = "phoneWindowShare",
        [nameof(ChannelShares.DoctorAddOn)] = "doctorAddOnShare",
    };
}
