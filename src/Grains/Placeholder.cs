namespace Hospital.Grains;
