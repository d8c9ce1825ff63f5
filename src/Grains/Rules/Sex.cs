namespace Hospital.Grains.Rules;

/// <summary>Sex as encoded in a resident ID number (17th digit: odd male, even female).</summary>
public enum Sex
{
    Female,
    Male,
}
