using System.Security.Claims;
using Hospital.Api.Apis.Access;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// A patient's full record (name and phone unmasked): for the patient's own accounts (<see cref="AccountPatientFilter"/>), and
/// for hospital admins and window clerks with a reason, which is audited before the record is shown.
/// </summary>
public static class PatientRecordsApi
{
    public static IEndpointRouteBuilder MapPatientRecordsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/patients/{id}/record", GetOwnRecordAsync).WithTags("Patients")
            .RequireAuthorization(HospitalPolicies.Patient).AddEndpointFilter<AccountPatientFilter>()
            .WithSummary("The full record of a patient on your account: real name and phone unmasked (the ID number stays masked: the " +
                         "hospital keeps no readable copy)")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "patient.not_found")
            .WithResponseExample(StatusCodes.Status200OK, VisitCodeExamples.Record)
            .WithResponseExample(StatusCodes.Status404NotFound, VisitCodeExamples.PatientNotFoundProblem);
        app.MapGet("/api/staff/patients/{id}/record", GetRecordForStaffAsync).WithTags("Staff")
            .RequireAuthorization(HospitalPolicies.PatientRecordReader)
            .WithSummary("A patient's full record for hospital admins and window clerks; reason (why you need it, at most 200 characters) is " +
                         "required and stored with your staff id in the audit before the record is shown")
            .ProducesValidationProblem().ProducesProblemCodes(StatusCodes.Status404NotFound, "patient.not_found")
            .WithResponseExample(StatusCodes.Status200OK, VisitCodeExamples.Record)
            .WithResponseExample(StatusCodes.Status400BadRequest, VisitCodeExamples.ReasonMissingProblem);
        return app;
    }

    public static async Task<Ok<PatientRecordResponse>> GetOwnRecordAsync(
        string id, IPatientStore patients, IPersonalDataProtector protector, CancellationToken cancellationToken) =>
        TypedResults.Ok(PatientRecordResponse.From(await FindAsync(id, patients, cancellationToken), protector));

    public static async Task<Ok<PatientRecordResponse>> GetRecordForStaffAsync(
        string id, string? reason, ClaimsPrincipal user, IPatientStore patients, PatientRecordAudit audit, IPersonalDataProtector protector,
        CancellationToken cancellationToken)
    {
        var why = RequiredInput.Text(reason, "reason");
        if (why.Length > PatientRecordAudit.MaxReasonLength)
            throw InputValidationException.For("reason", $"The reason has at most {PatientRecordAudit.MaxReasonLength} characters.");
        var patient = await FindAsync(id, patients, cancellationToken);
        await audit.RecordAsync(user.Subject(), patient, why, cancellationToken);
        return TypedResults.Ok(PatientRecordResponse.From(patient, protector));
    }

    private static async Task<StoredPatient> FindAsync(string id, IPatientStore patients, CancellationToken cancellationToken) =>
        await patients.FindAsync(id, cancellationToken) ?? throw new NotFoundException("patient.not_found", "There is no such patient.");
}
