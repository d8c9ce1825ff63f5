using Hospital.Grains.Catalog;
using Hospital.Grains.Reconciliation;

namespace Hospital.Grains.Tests.Reconciliation;

public sealed class StatementFileTests
{
    private static readonly DateTimeOffset Morning = HospitalTime.China.At(new DateOnly(2026, 11, 23), new TimeOnly(9, 13, 4));

    private static readonly StatementLine[] Lines =
    [
        new(Morning, "SBX01", "a.pay", null, TransactionType.Payment, 50m, StatementLine.Success),
        new(Morning.AddMinutes(30), "SBX01", "a.pay", "a.pay.refund", TransactionType.Refund, 50m, StatementLine.Success),
        new(Morning.AddHours(1), "SBX02", "odd, \"quoted\".pay", null, TransactionType.Payment, 12.5m, StatementLine.Success),
    ];

    [Fact]
    public void Write_GivesOneLinePerTransactionInLocalTime_ThenTheTotals()
    {
        var rows = StatementFile.Write(Lines, HospitalTime.China).ReplaceLineEndings("\n").TrimEnd().Split('\n');

        Assert.Equal(
        [
            StatementFile.Header,
            "2026-11-23 09:13:04,SBX01,a.pay,,payment,50.00,SUCCESS",
            "2026-11-23 09:43:04,SBX01,a.pay,a.pay.refund,refund,50.00,SUCCESS",
            "2026-11-23 10:13:04,SBX02,\"odd, \"\"quoted\"\".pay\",,payment,12.50,SUCCESS",
            StatementFile.TotalsHeader,
            "2,62.50,1,50.00",
        ], rows);
    }

    [Fact]
    public void Read_GivesBackWhatWasWritten() =>
        Assert.Equal(Lines, StatementFile.Read(StatementFile.Write(Lines, HospitalTime.China), HospitalTime.China));

    [Theory]
    [InlineData("2,62.50,1,50.00", "2,62.50,1,40.00")] // totals altered
    [InlineData("2026-11-23 10:13:04,SBX02", "2026-11-23 10:13:04,SBX02,extra")] // a line with a field too many
    [InlineData("trade_time,", "time,")] // not a statement's header
    public void Read_OfAnAlteredFile_IsRefused(string original, string altered) =>
        Assert.Throws<FormatException>(() => StatementFile.Read(StatementFile.Write(Lines, HospitalTime.China).Replace(original, altered), HospitalTime.China));

    [Fact]
    public void Read_OfATruncatedFile_IsRefused()
    {
        var text = StatementFile.Write(Lines, HospitalTime.China);

        Assert.Throws<FormatException>(() => StatementFile.Read(text[..text.IndexOf(StatementFile.TotalsHeader, StringComparison.Ordinal)], HospitalTime.China));
    }
}
