using QRCoder;

namespace Hospital.Api.Apis;

/// <summary>
/// Draws an e-ticket's payload as a QR code. Error correction M (15%) keeps the code coarse for old kiosk scanners while a
/// scratched screen or a crease in a printout still reads.
/// </summary>
public static class TicketQrCodes
{
    public const string SvgMediaType = "image/svg+xml";
    public const string PngMediaType = "image/png";

    /// <summary>Pixels per QR module in the PNG: a payload of about 90 characters gives roughly 360 px, sharp on phone screens.</summary>
    public const int PngPixelsPerModule = 8;

    public static string Svg(string payload)
    {
        using var data = Encode(payload);
        using var code = new SvgQRCode(data);
        return code.GetGraphic(PngPixelsPerModule);
    }

    public static byte[] Png(string payload)
    {
        using var data = Encode(payload);
        using var code = new PngByteQRCode(data);
        return code.GetGraphic(PngPixelsPerModule);
    }

    private static QRCodeData Encode(string payload)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
    }
}
