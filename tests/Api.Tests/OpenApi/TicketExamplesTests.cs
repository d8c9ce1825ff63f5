using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Tickets;
using Hospital.Silo.Privacy;
using Hospital.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Hospital.Api.Tests.OpenApi;

/// <summary>The documented e-ticket is a real one: a Development node verifies its payload, so an integrator can try it.</summary>
public sealed class TicketExamplesTests
{
    [Fact]
    public void ExamplePayload_IsTheExampleTicket_SignedWithTheDevelopmentKey()
    {
        var development = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot.Path, "src", "Api", "appsettings.Development.json"), optional: false, reloadOnChange: false)
            .Build();
        var signer = new ETicketSigner(Microsoft.Extensions.Options.Options.Create(new TicketOptions()),
            new AesGcmPersonalDataProtector(Microsoft.Extensions.Options.Options.Create(new PrivacyOptions { DataKey = development["Privacy:DataKey"]! })));
        var example = TicketExamples.Ticket;

        var ticket = signer.Verify(example.Payload, example.ExpiresAt.AddHours(-12));

        Assert.Equal((example.AppointmentId, example.SlotNo, example.PatientName, example.ExpiresAt),
            (ticket.AppointmentId, ticket.SlotNo, ticket.PatientName, ticket.ExpiresAt));
        Assert.Equal(example.Payload, TicketExamples.CheckIn.Ticket);
    }
}
