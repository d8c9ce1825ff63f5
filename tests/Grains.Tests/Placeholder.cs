namespace Hospital.Grains.Tests;
