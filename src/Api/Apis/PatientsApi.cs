using System.Security.Claims;
using Hospital.Api.Apis.Access;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// The signed-in account's patients (就诊人). Patients only (the group's policy), and every call goes to the grain of the
/// token's own account: no id in a request can reach another account's list.
/// </summary>
public static class PatientsApi
{
    public static IEndpointRouteBuilder MapPatientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/patients").WithTags("Patients").RequireAuthorization(HospitalPolicies.Patient);
        api.MapPost("/", AddPatientAsync)
            .WithSummary("Put a patient on the account under their real name (ID number checked by GB 11643) with their relationship; " +
                         "at most 5 per account; a patient already on it answers 200")
            .ProducesValidationProblem()
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "account.patient_limit", "patient.identity_mismatch")
            .WithRequestExample(ApiExamples.CreatePatient)
            .WithResponseExample(StatusCodes.Status201Created, ApiExamples.FamilyMember)
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.FamilyMember)
            .WithResponseExample(StatusCodes.Status400BadRequest, ApiExamples.InvalidPatientProblem);
        api.MapGet("/", GetPatientsAsync).WithSummary("The patients on the account (personal data masked)")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.FamilyMembers);
        api.MapGet("/{id}", GetPatientAsync).WithSummary("One patient on the account (name, ID number and phone masked)")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "patient.not_found")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.FamilyMember);
        api.MapDelete("/{id}", RemovePatientAsync).WithSummary("Take a patient off the account; their appointments stay with the hospital")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "patient.not_found");
        return app;
    }

    public static async Task<Results<Created<FamilyMemberResponse>, Ok<FamilyMemberResponse>>> AddPatientAsync(
        CreatePatientRequest request, ClaimsPrincipal user, PatientRegistry registry, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var relationship = EnumInput.Defined(request.Relationship, "relationship")
            ?? throw InputValidationException.For("relationship", "How the patient is related to you is required: Self, Parent, Child, Spouse or Other.");
        var patient = (await registry.RegisterAsync(request.Name, request.IdNumber, request.Phone, cancellationToken)).Patient;
        var account = grains.GetGrain<IAccountGrain>(user.Subject());
        var wasOnAccount = await account.HasPatientAsync(patient.Id);
        var member = FamilyMemberResponse.From(patient, await account.AddPatientAsync(patient.Id, relationship));
        return wasOnAccount ? TypedResults.Ok(member) : TypedResults.Created($"/api/patients/{patient.Id}", member);
    }

    public static async Task<Ok<IReadOnlyList<FamilyMemberResponse>>> GetPatientsAsync(
        ClaimsPrincipal user, IPatientStore patients, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var members = await grains.GetGrain<IAccountGrain>(user.Subject()).GetPatientsAsync();
        var shown = new List<FamilyMemberResponse>(members.Count);
        foreach (var member in members)
            if (await patients.FindAsync(member.PatientId, cancellationToken) is { } stored) shown.Add(FamilyMemberResponse.From(PatientView.From(stored), member));
        return TypedResults.Ok<IReadOnlyList<FamilyMemberResponse>>(shown);
    }

    /// <summary>Another account's patient and an unknown id get the same 404.</summary>
    public static async Task<Ok<FamilyMemberResponse>> GetPatientAsync(
        string id, ClaimsPrincipal user, IPatientStore patients, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var member = (await grains.GetGrain<IAccountGrain>(user.Subject()).GetPatientsAsync()).FirstOrDefault(m => m.PatientId == id)
            ?? throw PatientAccess.NotFound();
        var stored = await patients.FindAsync(id, cancellationToken) ?? throw PatientAccess.NotFound();
        return TypedResults.Ok(FamilyMemberResponse.From(PatientView.From(stored), member));
    }

    public static async Task<NoContent> RemovePatientAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.GetGrain<IAccountGrain>(user.Subject()).RemovePatientAsync(id)
            ? TypedResults.NoContent()
            : throw PatientAccess.NotFound();
}
