using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Accounts;
using Hospital.Grains.Patients;

namespace Hospital.Api.Apis;

/// <summary>The proof fields of a request to add a patient: each well formed, at most one of them; blank counts as absent.</summary>
internal static class FamilyMemberProofInput
{
    public static FamilyMemberProof From(CreatePatientRequest request)
    {
        var smsCode = string.IsNullOrWhiteSpace(request.SmsCode) ? null : request.SmsCode.Trim();
        var visitCode = string.IsNullOrWhiteSpace(request.VisitCode) ? null : VisitCode.Normalize(request.VisitCode);
        if (smsCode is not null && !SmsCodeGenerator.IsWellFormed(smsCode)) throw InputValidationException.For("smsCode", "The code has six digits.");
        if (visitCode is null && !string.IsNullOrWhiteSpace(request.VisitCode)) throw InputValidationException.For("visitCode", VisitCode.InvalidMessage);
        if (smsCode is not null && visitCode is not null)
            throw InputValidationException.For("visitCode", "Give either smsCode or visitCode, not both.");
        return new FamilyMemberProof(smsCode, visitCode);
    }
}
