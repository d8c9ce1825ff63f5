using System.Security.Claims;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// Walk-in and phone patients at the window: a clerk (or a hospital admin) registers a person who has no account under their real
/// name after seeing their ID card, or finds them by ID number, then books the PhoneWindow channel for the patient id. Staff are
/// trusted, so the answers may say whether an ID number is registered; every call is logged with the staff id (<see cref="WalkInPatientDesk"/>).
/// </summary>
public static class WalkInPatientsApi
{
    internal const string IdCardNotSeenMessage = "Register a person only after seeing their ID card, and say so with idCardSeen: true.";
    internal const string NotFoundMessage = "No patient is registered with this ID number.";

    public static IEndpointRouteBuilder MapWalkInPatientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff/patients").WithTags("Staff").RequireAuthorization(HospitalPolicies.PatientDesk);
        api.MapPost("/", RegisterAsync)
            .WithSummary("Register a walk-in or phone patient under their real name after seeing their ID card (idCardSeen: true required); " +
                         "201 with the new patient (masked), 200 with the same patient for a name and ID number already registered, 409 " +
                         "patient.identity_mismatch with the masked name on record when the ID number is registered under another name. " +
                         "Then book with POST /api/appointments, channel PhoneWindow")
            .ProducesValidationProblem()
            .ProducesProblemCodes(StatusCodes.Status409Conflict, PatientRegistry.IdentityMismatchCode)
            .WithRequestExample(WalkInExamples.Request)
            .WithResponseExample(StatusCodes.Status201Created, WalkInExamples.Patient)
            .WithResponseExample(StatusCodes.Status200OK, WalkInExamples.Patient)
            .WithResponseExample(StatusCodes.Status400BadRequest, WalkInExamples.IdCardNotSeenProblem)
            .WithResponseExample(StatusCodes.Status409Conflict, WalkInExamples.IdentityMismatchProblem);
        api.MapGet("/", FindAsync)
            .WithSummary("Find the patient registered with an ID number (exact, 18 characters; personal data masked in the answer); every " +
                         "lookup is recorded with your staff id for audit")
            .ProducesValidationProblem()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "patient.not_found")
            .WithResponseExample(StatusCodes.Status200OK, WalkInExamples.Patient)
            .WithResponseExample(StatusCodes.Status404NotFound, WalkInExamples.NotFoundProblem);
        return app;
    }

    public static async Task<Results<Created<PatientView>, Ok<PatientView>>> RegisterAsync(
        WalkInPatientRequest request, ClaimsPrincipal user, WalkInPatientDesk desk, CancellationToken cancellationToken)
    {
        if (request.IdCardSeen is not true)
            throw InputValidationException.For("idCardSeen", IdCardNotSeenMessage);
        var registration = await desk.RegisterAsync(user.Subject(), request.Name, request.IdNumber, request.Phone, cancellationToken);
        return registration.Created
            ? TypedResults.Created((string?)null, registration.Patient)
            : TypedResults.Ok(registration.Patient);
    }

    public static async Task<Ok<PatientView>> FindAsync(string? idNumber, ClaimsPrincipal user, WalkInPatientDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(await desk.FindAsync(user.Subject(), idNumber, cancellationToken)
            ?? throw new NotFoundException("patient.not_found", NotFoundMessage));
}
