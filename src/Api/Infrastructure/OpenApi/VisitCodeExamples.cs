using Hospital.Api.Apis;
using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Accounts;
using Hospital.Grains.Patients;
using Microsoft.AspNetCore.Mvc;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>The examples of the visit code, proof, full record and account data calls in the OpenAPI document.</summary>
public static class VisitCodeExamples
{
    private const string PatientId = "P7c1e0a9b2d3f4e5";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static VisitCodeResponse VisitCode { get; } = new(PatientId, "K7M2P9QX", new DateTimeOffset(2026, 11, 20, 9, 30, 0, China));

    public static PatientRecordResponse Record { get; } = new(
        PatientId, "张三", "1****************X", "13800138000", new DateOnly(1949, 12, 31), "Female", new DateTimeOffset(2026, 11, 20, 9, 30, 0, China));

    public static AccountExportResponse Export { get; } = new("A1c2e3f4a5b6c7d8e", "13800138000", new DateTimeOffset(2026, 11, 1, 8, 0, 0, China),
        [new ExportedPatient(Record, FamilyRelationship.Parent, new DateTimeOffset(2026, 11, 20, 9, 30, 0, China),
            [new PatientAppointment("D0042-20261124-AM.3f9a1c2b7d4e5f60", "D0042-20261124-AM", 3, new DateOnly(2026, 11, 24), AppointmentStatus.Booked,
                new DateTimeOffset(2026, 11, 23, 7, 0, 2, China), null, new DateTimeOffset(2026, 11, 23, 7, 4, 40, China), "7d1f9c1e-2b", null)])],
        new DateTimeOffset(2026, 11, 25, 20, 0, 0, China));

    public static ProblemDetails ProofInvalidProblem { get; } = ApiExamples.Problem(StatusCodes.Status409Conflict, "The request conflicts with a rule.",
        FamilyMemberAdmission.ProofInvalidMessage, FamilyMemberAdmission.ProofInvalidCode);

    public static ProblemDetails VisitCodeTriesProblem { get; } = ApiExamples.Problem(StatusCodes.Status429TooManyRequests,
        "This account tried too many wrong visit codes today; try again tomorrow.", null, PatientsApi.VisitCodeTriesCode);

    public static ProblemDetails PatientNotFoundProblem { get; } = ApiExamples.Problem(StatusCodes.Status404NotFound, "Not found.",
        "There is no such patient on this account.", "patient.not_found");

    public static ProblemDetails ReasonMissingProblem { get; } = new HttpValidationProblemDetails(new Dictionary<string, string[]>
    {
        ["reason"] = ["reason is required."],
    })
    {
        Status = StatusCodes.Status400BadRequest, Title = "One or more fields are invalid.",
        Extensions = { ["code"] = "request.invalid", ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" },
    };
}
