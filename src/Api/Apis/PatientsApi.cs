using System.Security.Claims;
using Hospital.Api.Apis.Access;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Accounts;
using Hospital.Grains.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// The signed-in account's patients (就诊人). Patients only (the group's policy), and every call goes to the grain of the
/// token's own account: no id in a request can reach another account's list.
/// </summary>
public static class PatientsApi
{
    /// <summary>The code of the 429 once an account presented its wrong visit codes for the day.</summary>
    public const string VisitCodeTriesCode = "patient.visit_code_tries";

    public static IEndpointRouteBuilder MapPatientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/patients").WithTags("Patients").RequireAuthorization(HospitalPolicies.Patient);
        api.MapPost("/", AddPatientAsync)
            .WithSummary("Put a patient on the account under their real name (ID number checked by GB 11643) with their relationship; " +
                         "at most 5 per account; a patient already on it answers 200. Unless the phone is your login phone, prove you may act " +
                         "for the person with smsCode (POST /api/patients/sms-codes) or their visitCode; any failed proof answers 409 " +
                         "patient.proof_invalid, and 5 wrong visit codes a day answer 429")
            .ProducesValidationProblem()
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "account.patient_limit", "patient.proof_invalid")
            .ProducesProblemCodes(StatusCodes.Status429TooManyRequests, "patient.visit_code_tries")
            .WithRequestExample(ApiExamples.CreatePatient)
            .WithResponseExample(StatusCodes.Status201Created, ApiExamples.FamilyMember)
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.FamilyMember)
            .WithResponseExample(StatusCodes.Status400BadRequest, ApiExamples.InvalidPatientProblem)
            .WithResponseExample(StatusCodes.Status409Conflict, VisitCodeExamples.ProofInvalidProblem)
            .WithResponseExample(StatusCodes.Status429TooManyRequests, VisitCodeExamples.VisitCodeTriesProblem);
        api.MapGet("/", GetPatientsAsync).WithSummary("The patients on the account (personal data masked)")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.FamilyMembers);
        api.MapGet("/{id}", GetPatientAsync).WithSummary("One patient on the account (name, ID number and phone masked)")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "patient.not_found")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.FamilyMember);
        api.MapDelete("/{id}", RemovePatientAsync).WithSummary("Take a patient off the account; their appointments stay with the hospital")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "patient.not_found");
        return app;
    }

    /// <summary>
    /// A new person and a known patient get the same answers: 201 with the member once proven, the one 409 patient.proof_invalid
    /// otherwise (<see cref="FamilyMemberAdmission"/>); 200 only for a patient already on this very account.
    /// </summary>
    public static async Task<Results<Created<FamilyMemberResponse>, Ok<FamilyMemberResponse>, ProblemHttpResult>> AddPatientAsync(
        CreatePatientRequest request, ClaimsPrincipal user, FamilyMemberAdmission admission, IGrainFactory grains,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var relationship = EnumInput.Defined(request.Relationship, "relationship")
            ?? throw InputValidationException.For("relationship", "How the patient is related to you is required: Self, Parent, Child, Spouse or Other.");
        var proof = FamilyMemberProofInput.From(request);
        var claim = new RealNameClaim(request.Name ?? "", request.IdNumber ?? "", request.Phone ?? "");
        var admitted = await admission.AdmitAsync(user.Subject(), claim, proof, cancellationToken);
        if (admitted.Patient is not { } patient)
            return AuthProblems.TooMany(response, VisitCodeTriesCode, "This account tried too many wrong visit codes today; try again tomorrow.", admitted.RetryAfter);
        var account = grains.GetGrain<IAccountGrain>(user.Subject());
        var wasOnAccount = await account.HasPatientAsync(patient.Id);
        var member = FamilyMemberResponse.From(PatientView.From(patient), await account.AddPatientAsync(patient.Id, relationship));
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
