namespace Hospital.TestSupport;
