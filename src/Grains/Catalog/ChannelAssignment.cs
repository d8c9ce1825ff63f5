namespace Hospital.Grains.Catalog;

/// <summary>
/// Decides which channel each slot number belongs to, spreading reserved slots over the whole session so that
/// window/phone and add-on patients get early and late times alike instead of one block.
/// </summary>
/// <remarks>
/// Rule: smooth weighted round-robin (the scheme nginx uses for upstream weights). Each channel's weight is its
/// slot count; for every slot number, each channel's credit grows by its weight, the channel with the most credit
/// (ties: App, then PhoneWindow, then DoctorAddOn) takes the slot and pays back the quota. After the whole session
/// every channel has exactly its count, and in any prefix of the session it is within one slot of its share.
/// </remarks>
public static class ChannelAssignment
{
    /// <summary>The channel of slot numbers 1..counts.Total, in order (index 0 is slot 1).</summary>
    public static IReadOnlyList<BookingChannel> Assign(ChannelCounts counts)
    {
        BookingChannel[] channels = [BookingChannel.App, BookingChannel.PhoneWindow, BookingChannel.DoctorAddOn];
        var credit = new int[channels.Length];
        var result = new BookingChannel[counts.Total];
        for (var slot = 0; slot < result.Length; slot++)
        {
            var best = 0;
            for (var c = 0; c < channels.Length; c++)
            {
                credit[c] += counts.For(channels[c]);
                if (credit[c] > credit[best]) best = c;
            }

            credit[best] -= counts.Total;
            result[slot] = channels[best];
        }

        return result;
    }
}
