using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;

namespace Hospital.Api.Apis;

/// <summary>Resolves ids from requests against the cached catalog, with the stable not-found codes.</summary>
internal static class CatalogLookups
{
    public static SessionDefinition Session(this CatalogSnapshot catalog, string? sessionId) =>
        (sessionId is null ? null : catalog.FindSession(sessionId))
        ?? throw new NotFoundException("session.not_found", $"There is no session '{sessionId}' in the booking window.");

    public static Department Department(this CatalogSnapshot catalog, int departmentId) =>
        catalog.FindDepartment(departmentId) ?? throw new NotFoundException("department.not_found", $"There is no department {departmentId}.");

    public static Doctor Doctor(this CatalogSnapshot catalog, int doctorId) =>
        catalog.FindDoctor(doctorId) ?? throw new NotFoundException("doctor.not_found", $"There is no doctor {doctorId}.");
}
