namespace Hospital.Api.Tests;
