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

    /// <summary>The notice that the hospital stopped a booked session (停诊), with the refund when the booking was paid.</summary>
    public static string SessionStopped(DateOnly date, SessionPeriod period, string reason, decimal? refund) =>
        $"很抱歉，您预约的{Day(date)}{PeriodName(period)}门诊因故停诊（{reason}），医院已为您取消预约。"
        + (refund is { } amount ? $"已支付的挂号费 {Money(amount)} 元将按原支付方式全额退回。" : "")
        + Contact;

    /// <summary>A slot came back and is held for the first waiting patient until <paramref name="payBy"/>.</summary>
    public static string WaitlistOffered(DateOnly date, SessionPeriod period, int slotNo, DateTimeOffset payBy) =>
        $"候补成功：{Day(date)}{PeriodName(period)}的 {slotNo} 号已为您保留，请在 {Time(payBy)} 前完成支付，逾期将顺延给下一位候补的患者。";

    /// <summary>The held slot of an offer was not paid in time.</summary>
    public static string WaitlistLapsed(DateOnly date, SessionPeriod period) =>
        $"为您保留的{Day(date)}{PeriodName(period)}候补号源未在时限内支付，已顺延给下一位候补的患者。";

    /// <summary>An offer could not be taken because the booking rules refused it when it came (the audit keeps the rule).</summary>
    public static string WaitlistOfferDeclined(DateOnly date, SessionPeriod period) =>
        $"{Day(date)}{PeriodName(period)}的候补号源到来时，您的预约不符合医院的预约规则（如当日已有该科室的预约、预约次数已满或预约受限），"
        + $"已顺延给下一位候补的患者。{Contact}";

    /// <summary>A waiting patient meanwhile booked the session another way, so the waitlist lets them go.</summary>
    public static string WaitlistNoLongerNeeded(DateOnly date, SessionPeriod period) =>
        $"您已有{Day(date)}{PeriodName(period)}该门诊的预约，已自动为您退出候补。";

    /// <summary>The session stopped, so its waitlist ends.</summary>
    public static string WaitlistClosed(DateOnly date, SessionPeriod period, string reason) =>
        $"{Day(date)}{PeriodName(period)}的门诊因故停诊（{reason}），您的候补已结束。{Contact}";

    /// <summary>Money that arrived after the hold had ended goes back; no appointment was made.</summary>
    public static string LatePaymentRefunded(decimal amount) =>
        $"您支付的挂号费 {Money(amount)} 元到账时，号源保留时间已过，未能为您预约。款项将按原支付方式全额退回（医保支付部分退回医保）。{Contact}";

    /// <summary>上午, 下午 or 晚间, as a session's period is said.</summary>
    public static string PeriodName(SessionPeriod period) => period switch
    {
        SessionPeriod.Morning => "上午",
        SessionPeriod.Afternoon => "下午",
        SessionPeriod.Evening => "晚间",
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown session period."),
    };

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset instant) => Day(DateOnly.FromDateTime(instant.DateTime));

    private static string Time(DateTimeOffset instant) => instant.ToString("HH:mm", CultureInfo.InvariantCulture);
}
