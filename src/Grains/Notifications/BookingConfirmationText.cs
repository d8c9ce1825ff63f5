using System.Globalization;
using Hospital.Grains.Notices;

namespace Hospital.Grains.Notifications;

/// <summary>
/// The one wording of the message a patient gets once a booking is paid: who, when, where, when to check in and how, what to
/// bring, and how to cancel. One paragraph, as SMS and app pushes show it; at most <see cref="MaxLength"/> characters (the outbox column).
/// </summary>
public static class BookingConfirmationText
{
    public const int MaxLength = 512;

    public static string Render(BookingConfirmationFacts f) =>
        $"{f.Salutation}您好，您已成功预约{Day(f.SlotStartsAt)}{PatientNotices.PeriodName(f.Period)}{f.DepartmentName}{f.DoctorName}{f.DoctorTitle}的门诊，" +
        $"第{f.SlotNo}号，预计{Time(f.SlotStartsAt)}就诊。" +
        $"请于当天{Time(f.CheckInOpensAt)}至{Time(f.CheckInClosesAt)}到{f.Location}报到（在自助机扫描电子就诊凭证的二维码，或在窗口出示就诊码），" +
        "逾时未报到将记为爽约。就诊请携带就诊人的身份证和医保卡。" +
        Cancellation(f) +
        "祝您早日康复！";

    private static string Cancellation(BookingConfirmationFacts f)
    {
        var lateFee = $"扣除挂号费的{(f.LateCancellationFeeRate * 100).ToString("0.##", CultureInfo.InvariantCulture)}%";
        return f.FreeCancellationUntil is { } freeUntil
            ? $"如需取消，请在{Day(freeUntil, withWeekday: false)}{Time(freeUntil)}前在“我的预约”中操作，可全额退费；之后至就诊前取消将{lateFee}，就诊开始后不能取消。"
            : $"如需取消，请在就诊开始前在“我的预约”中操作，将{lateFee}。";
    }

    private static string Day(DateTimeOffset at, bool withWeekday = true) =>
        $"{at.Month}月{at.Day}日" + (withWeekday ? $"（{WeekdayName(at.DayOfWeek)}）" : "");

    private static string Time(DateTimeOffset at) => at.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string WeekdayName(DayOfWeek day) => "星期" + "日一二三四五六"[(int)day];
}
