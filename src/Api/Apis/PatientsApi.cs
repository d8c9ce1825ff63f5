using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

public static class PatientsApi
{
    public static IEndpointRouteBuilder MapPatientsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/patients").WithTags("Patients")
            .MapPost("/", CreatePatientAsync)
            .WithSummary("Register a patient under their real name (ID number checked by GB 11643); the same person again returns the existing patient")
            .ProducesValidationProblem()
            .WithRequestExample(ApiExamples.CreatePatient)
            .WithResponseExample(StatusCodes.Status201Created, ApiExamples.Patient)
            .WithResponseExample(StatusCodes.Status400BadRequest, ApiExamples.InvalidPatientProblem);
        return app;
    }

    public static async Task<Results<Created<PatientView>, Ok<PatientView>>> CreatePatientAsync(CreatePatientRequest request, PatientRegistry registry, CancellationToken cancellationToken)
    {
        var registration = await registry.RegisterAsync(request.Name, request.IdNumber, request.Phone, cancellationToken);
        return registration.Created
            ? TypedResults.Created($"/api/patients/{registration.Patient.Id}", registration.Patient)
            : TypedResults.Ok(registration.Patient);
    }
}
