namespace Hospital.Silo.Tests;
