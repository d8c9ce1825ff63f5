using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Accounts;
using Hospital.Grains.Patients;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Hospital.Api.Tests.Hospital;

/// <summary>Patients on accounts, and their tokens: what every booking of the contract suites needs since bookings require a patient's account.</summary>
public abstract partial class HospitalApiContractBase
{
    private readonly ConcurrentDictionary<string, string> _patientTokens = new();
    private string? _accountToken;

    /// <summary>
    /// Registers patients concurrently, each on an account of its own (the per-account limits then never decide): the fast way
    /// to get thousands. Accounts are signed in and patients added through the services behind the HTTP calls, not by SMS.
    /// </summary>
    protected async Task<string[]> RegisterPatientsAsync(HospitalApiFactory app, int count, int firstIndex = 1000)
    {
        var registry = app.Services.GetRequiredService<PatientRegistry>();
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var ids = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            var (accountId, accessToken) = await SignInAccountAsync(app, TestPhone(firstIndex + i));
            var patient = (await registry.RegisterAsync($"患者{i}", TestIdNumbers.Number(firstIndex + i), "13800138000", token)).Patient.Id;
            await grains.GetGrain<IAccountGrain>(accountId).AddPatientAsync(patient, FamilyRelationship.Self);
            _patientTokens[patient] = accessToken;
            ids[i] = patient;
        });
        return ids;
    }

    /// <summary>
    /// Adds a patient to the test's own account through POST /api/patients, signing the account in on first use; <see cref="Client"/>
    /// then carries the account's token. The patient's phone is the account's login phone, which is proof enough to add them.
    /// An account holds up to 5 patients and makes up to 3 bookings a day.
    /// </summary>
    protected async Task<string> RegisterPatientAsync(int index = 1)
    {
        var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/patients")
        {
            Content = JsonContent.Create(new { name = "张三", idNumber = TestIdNumbers.Number(index), phone = AccountPhone, relationship = "Self" }),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", await AccountTokenAsync()) },
        });
        response.EnsureSuccessStatusCode();
        var patient = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        _patientTokens[patient] = await AccountTokenAsync();
        return patient;
    }

    /// <summary>The login phone of the test's own account.</summary>
    protected static string AccountPhone => TestPhone(0);

    /// <summary>The patient's visit code, as an account holding the patient reads it.</summary>
    protected async Task<string> VisitCodeAsync(string patientId, string accessToken)
    {
        var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/patients/{patientId}/visit-code")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("visitCode").GetString()!;
    }

    /// <summary>The access token of the test's own account, which <see cref="Client"/> sends once it is signed in.</summary>
    protected async Task<string> AccountTokenAsync()
    {
        if (_accountToken is null)
        {
            _accountToken = (await SignInAccountAsync(App, AccountPhone)).AccessToken;
            Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _accountToken);
        }
        return _accountToken;
    }

    /// <summary>The token of the account a patient was registered on by the helpers above.</summary>
    protected string TokenOf(string patientId) => _patientTokens[patientId];

    /// <summary>Signs a phone's account in as the SMS login does after accepting the code (the login itself is tested in Accounts/).</summary>
    protected static async Task<(string AccountId, string AccessToken)> SignInAccountAsync(HospitalApiFactory app, string phone)
    {
        var account = await app.Services.GetRequiredService<PatientAccounts>().SignInAsync(phone);
        return (account.Id, (await app.Services.GetRequiredService<TokenIssuer>().IssueAsync(account)).AccessToken);
    }

    /// <summary>Distinct mainland mobile numbers.</summary>
    protected static string TestPhone(int index) => $"139{index:D8}";
}
