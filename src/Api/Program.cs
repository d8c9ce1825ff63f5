using Hospital.Api.Apis;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.Errors;
using Hospital.Api.Infrastructure.Health;
using Hospital.Api.Infrastructure.Json;
using Hospital.Api.Infrastructure.Logging;
using Hospital.Api.Infrastructure.Metrics;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Api.Infrastructure.Options;
using Hospital.Api.Infrastructure.Proxies;
using Hospital.Api.Infrastructure.Requests;
using Hospital.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddApiOptions();
builder.AddTrustedProxies();
builder.AddJsonConventions();
builder.AddErrorHandling();
builder.AddHealthEndpoints();
builder.AddMetrics();
builder.AddApiDocumentation();
builder.AddHospitalAuth();
builder.AddHospitalApis();
builder.AddSilo();

var app = builder.Build();
if (CreateAdminCommand.IsInvoked(args)) return await CreateAdminCommand.RunAsync(app.Services, args, CreateAdminCommand.ReadPassword, Console.Out);

app.UseTrustedProxies();
app.UseRequestLogging();
app.UseHospitalTimeZoneHeader();
app.UsePrivateResponses();
app.UseErrorHandling();
app.UseRequestBodyLimit();
app.UseHospitalAuth();

app.MapHealthEndpoints();
app.MapMetrics();
app.MapApiDocumentation();
app.MapHospitalApis();
app.MapAdminDashboard();

return await app.RunOrReportInvalidSettingsAsync(Console.Error);

public partial class Program;
