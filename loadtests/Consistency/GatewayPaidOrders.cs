using System.Data.Common;

namespace Hospital.LoadTests.Consistency;

/// <summary>
/// The orders of the run's sessions that the gateway took money for (the sandbox gateway's own rows) with what became of them
/// on our side: each must end with its appointment booked (or further along its visit) or its order refunded, or a patient
/// paid for nothing.
/// </summary>
internal static class GatewayPaidOrders
{
    public static async Task<List<string>> UnsettledAsync(DbConnection connection, IReadOnlyList<string> sessionIds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT o.id, o.status, a.status FROM sandbox_gateway_orders g JOIN payment_orders o ON o.id = g.id " +
                              "JOIN appointments a ON a.id = o.appointment_id WHERE g.state = 'Paid' AND a.session_id IN " +
                              ConsistencyChecker.InList(command, sessionIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var unsettled = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var (orderStatus, appointmentStatus) = (reader.GetString(1), reader.GetString(2));
            if (orderStatus != "Refunded" && !AppointmentRow.PaidStatuses.Contains(appointmentStatus))
                unsettled.Add($"{reader.GetString(0)} paid at the gateway; order {orderStatus}, appointment {appointmentStatus}");
        }

        return unsettled;
    }
}
