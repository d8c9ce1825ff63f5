namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>What an SMS code proves: that the caller holds the phone to log in with it, or to put its holder on an account.</summary>
public enum SmsCodePurpose
{
    Login,
    /// <summary>The code lets one account add the phone's holder as a patient (就诊人); it is valid for that account only.</summary>
    AddPatient,
}
