using System.Security.Claims;
using Hospital.Api.Apis.Access;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Patients;
using Hospital.Grains.Rules;
using Hospital.Silo.Sms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Apis;

/// <summary>
/// What lets an account prove it may add a person (POST /api/patients): an SMS code to the person's phone, or the person's
/// visit code (就诊码), which the patient's own accounts see and rotate. Patients only; a patient not on the caller's account
/// is 404 (<see cref="AccountPatientFilter"/>).
/// </summary>
public static class PatientProofsApi
{
    public static IEndpointRouteBuilder MapPatientProofsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/patients").WithTags("Patients").RequireAuthorization(HospitalPolicies.Patient);
        api.MapPost("/sms-codes", RequestPatientSmsCodeAsync).RequireRateLimiting(LoginRateLimits.SmsCodes)
            .WithSummary("Text a six-digit code to the phone of a person you are about to add, to pass as smsCode to POST /api/patients: " +
                         "valid 5 minutes for this account only, 5 tries, 1 a minute and 10 a day per account and phone")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithRequestExample(AccountExamples.SmsCodeRequest)
            .WithResponseExample(StatusCodes.Status202Accepted, AccountExamples.SmsCodeSent)
            .WithResponseExample(StatusCodes.Status429TooManyRequests, AccountExamples.SmsTooSoonProblem);

        var patient = api.MapGroup("/{id}/visit-code").AddEndpointFilter<AccountPatientFilter>();
        patient.MapGet("/", GetVisitCodeAsync)
            .WithSummary("The patient's visit code (就诊码), 8 characters to show or print for them: another account adds the patient with " +
                         "name, ID number and this code (an elderly parent without a smartphone). Issued at the first ask")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "patient.not_found")
            .WithResponseExample(StatusCodes.Status200OK, VisitCodeExamples.VisitCode)
            .WithResponseExample(StatusCodes.Status404NotFound, VisitCodeExamples.PatientNotFoundProblem);
        patient.MapPost("/", RotateVisitCodeAsync)
            .WithSummary("Give the patient a new visit code; the old one stops working at once (accounts that already hold the patient keep it)")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "patient.not_found")
            .WithResponseExample(StatusCodes.Status200OK, VisitCodeExamples.VisitCode);
        return app;
    }

    public static async Task<Results<Accepted<SmsCodeResponse>, ProblemHttpResult>> RequestPatientSmsCodeAsync(
        SmsCodeRequest request, ClaimsPrincipal user, IPersonalDataProtector protector, IGrainFactory grains, IOptions<SmsOptions> sms, HttpResponse response)
    {
        var phone = MobilePhoneNumber.IsValid(request.Phone) ? request.Phone! : throw InputValidationException.For("phone", MobilePhoneNumber.InvalidMessage);
        if (!sms.Value.IsConfigured) return SmsCodeAnswers.Unavailable();
        var key = PhoneLoginKey.ForAddingPatient(user.Subject(), protector.Fingerprint(phone));
        return SmsCodeAnswers.From(await grains.GetGrain<IPhoneLoginGrain>(key).RequestCodeAsync(phone), phone, response);
    }

    public static async Task<Ok<VisitCodeResponse>> GetVisitCodeAsync(string id, VisitCodes visitCodes, CancellationToken cancellationToken)
    {
        var (code, issuedAt) = await visitCodes.ShowAsync(id, cancellationToken);
        return TypedResults.Ok(new VisitCodeResponse(id, code, issuedAt));
    }

    public static async Task<Ok<VisitCodeResponse>> RotateVisitCodeAsync(string id, VisitCodes visitCodes, CancellationToken cancellationToken)
    {
        var (code, issuedAt) = await visitCodes.RotateAsync(id, cancellationToken);
        return TypedResults.Ok(new VisitCodeResponse(id, code, issuedAt));
    }
}
