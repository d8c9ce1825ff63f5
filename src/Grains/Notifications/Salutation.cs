using Hospital.Grains.Rules;

namespace Hospital.Grains.Notifications;

/// <summary>
/// How a message addresses a patient: family name and 先生/女士 (王女士), the polite form Chinese hospitals use in texts. The full
/// name is never written: texts show on lock screens and are read by family members who manage the account. 阿姨/叔叔 would guess
/// an age and sound over-familiar from a hospital. A child (under 18 on the visit day) is booked by a parent, who is addressed.
/// </summary>
public static class Salutation
{
    public const int AdultAge = 18;

    // The common two-character family names; any other name's family name is its first character.
    private static readonly string[] CompoundFamilyNames =
        ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "呼延", "轩辕"];

    public static string For(string name, Sex sex, DateOnly birthDate, DateOnly visitDay)
    {
        var familyName = FamilyName(name.Trim());
        if (AgeOn(birthDate, visitDay) < AdultAge) return $"{familyName}小朋友的家长";
        return familyName + (sex == Sex.Female ? "女士" : "先生");
    }

    public static string FamilyName(string name) =>
        CompoundFamilyNames.FirstOrDefault(compound => name.Length > compound.Length && name.StartsWith(compound, StringComparison.Ordinal))
        ?? name[..Math.Min(1, name.Length)];

    private static int AgeOn(DateOnly birthDate, DateOnly day) =>
        day.Year - birthDate.Year - (day < birthDate.AddYears(day.Year - birthDate.Year) ? 1 : 0);
}
