using System.Globalization;
using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.Notices;

/// <summary>
/// The words patients read, in one place: every outbox notice and the explanation of a refused booking. Plain Chinese,
/// dates as 2026年12月1日 and times as 07:00 in the hospital's zone; no names, phones or ID numbers (a notice is logged).
/// </summary>
public static class PatientNotices
{
    private const string Contact = "如有疑问，请联系医院客服。";

    /// <summary>Why the patient may not book and from when they may again (the booking refusal and the suspension notices).</summary>
    public static string Suspended(Suspension suspension) => suspension.Cause switch
    {
        SuspensionCause.Cancellations =>
            $"您本月已取消预约 {suspension.Count} 次，按医院规定，本月内暂停新的预约，{Day(suspension.Until)}起可以再次预约。{Contact}",
        _ => $"您今年已有 {suspension.Count} 次预约后未按时签到就诊（爽约），按医院规定暂停新的预约，{Day(suspension.Until)}起可以再次预约。{Contact}",
    };

    /// <summary>The notice of a missed visit, with the suspension it caused (null when it caused none, e.g. a lifted one).</summary>
    public static string NoShow(VisitPlace visit, Suspension? suspension) =>
        $"您预约的{Day(visit.Date)} {Time(visit.SlotTime)} {visit.DepartmentName}（{visit.DoctorName}，{visit.SlotNo} 号）未在签到时间内签到，已记为爽约。"
        + (suspension is null ? "" : Suspended(suspension));

    /// <summary>The notice that an admin lifted the patient's suspension.</summary>
    public static string SuspensionLifted() => $"医院已解除您的预约限制，您现在可以正常预约。{Contact}";

    /// <summary>
    /// The reminder the day before a visit: where, when, when to check in (from the window's opening to the slot's time),
    /// what to bring, and until when cancelling is free.
    /// </summary>
    public static string DayBeforeReminder(VisitPlace visit, DateTimeOffset checkInOpensAt, DateTimeOffset freeCancellationUntil) =>
        $"就诊提醒：您预约了{Day(visit.Date)} {Time(visit.SlotTime)} {visit.DepartmentName} {visit.DoctorName}（{visit.SlotNo} 号），"
        + $"地点：{visit.Location}。请于 {Time(checkInOpensAt)} 后、{Time(visit.SlotTime)} 前到达签到，按号序就诊。"
        + "请携带本人身份证、医保卡（如有）和既往病历、检查报告。"
        + $"如不能前来，请在{Day(freeCancellationUntil)} {Time(freeCancellationUntil)}前在“我的预约”中取消，可全额退款；逾期取消将按规定收费，未签到记为爽约。";

    /// <summary>The notice, the day before, that a date the patient watches opens for booking.</summary>
    public static string ReleaseOpening(string departmentName, DateOnly visitDate, DateTimeOffset opensAt) =>
        $"您关注的{departmentName}{Day(visitDate)}的号源将于明天（{Day(opensAt)}）{Time(opensAt)}开放预约，请届时在 App 中预约。";

    /// <summary>
    /// A checked-in patient's place in the queue: being called, or how many are before them and the expected wait from the
    /// visits measured in the session (without an estimate when there is none).
    /// </summary>
    public static string QueuePosition(bool called, int ahead, int? expectedMinutes) =>
        called ? "正在叫您的号，请到诊室就诊。"
        : ahead == 0 ? "下一位就是您，请在诊室门口等候。"
        : expectedMinutes is { } minutes ? $"前面还有 {ahead} 位，预计 {minutes} 分钟。"
        : $"前面还有 {ahead} 位。";

    /// <summary>The answer to a patient not in the queue (not checked in yet, or their visit began).</summary>
    public static string NotInQueue() => "您当前不在候诊队列中（尚未签到，或已开始就诊）。";

    private static string Day(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset instant) => Day(DateOnly.FromDateTime(instant.DateTime));

    private static string Time(DateTimeOffset instant) => instant.ToString("HH:mm", CultureInfo.InvariantCulture);
}
