using Hospital.Api.Apis;
using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Abstractions.Privacy;
using Hospital.Grains.Patients;
using Microsoft.AspNetCore.Mvc;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>The examples of the window clerks' walk-in registration and ID number lookup in the OpenAPI document.</summary>
public static class WalkInExamples
{
    public static WalkInPatientRequest Request { get; } = new("李四", "11010519491231002X", "13800138000", IdCardSeen: true);

    public static PatientView Patient { get; } = new("P7c1e0a9b2d3f4e5", PersonalDataMask.Name(Request.Name), PersonalDataMask.IdNumber(Request.IdNumber),
        PersonalDataMask.Phone(Request.Phone), new DateOnly(1949, 12, 31), "Female");

    public static ProblemDetails IdCardNotSeenProblem { get; } = new HttpValidationProblemDetails(new Dictionary<string, string[]>
    {
        ["idCardSeen"] = [WalkInPatientsApi.IdCardNotSeenMessage],
    })
    {
        Status = StatusCodes.Status400BadRequest, Title = "One or more fields are invalid.",
        Extensions = { ["code"] = "request.invalid", ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" },
    };

    public static ProblemDetails IdentityMismatchProblem { get; } = WithNameOnRecord(ApiExamples.Problem(StatusCodes.Status409Conflict,
        "The request conflicts with a rule.", "This ID number is registered under another name.", PatientRegistry.IdentityMismatchCode));

    public static ProblemDetails NotFoundProblem { get; } = ApiExamples.Problem(StatusCodes.Status404NotFound, "Not found.",
        WalkInPatientsApi.NotFoundMessage, "patient.not_found");

    private static ProblemDetails WithNameOnRecord(ProblemDetails problem)
    {
        problem.Extensions["nameOnRecord"] = "王*";
        return problem;
    }
}
